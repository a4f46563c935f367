from srccompare.cli import main

raise SystemExit(main())
