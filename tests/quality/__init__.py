"""Quality harness: hand-written cases, a corruption generator and a runner that measures the checks.

See tests/quality/README.md.
"""
