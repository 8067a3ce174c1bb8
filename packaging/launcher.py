"""Entry script of the frozen app (packaging/glute-coach.spec): the same as `glute-coach`."""

from glute_coach.cli.main import main

raise SystemExit(main())
