from glute_coach.cli.main import main

raise SystemExit(main())
