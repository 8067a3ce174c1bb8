"""Entry script of the frozen app (packaging/glute-coach.spec): the same as `glute-coach`.

With GLUTE_COACH_IMPORT_CHECK=1 it instead imports every module of the app and exits (1 if any
failed): scripts/dist runs that on the bundle, because a module the bundle lacks shows only when
the code that imports it runs (a plot needs PySide6.QtOpenGL through pyqtgraph, for instance).
"""

import os

if os.environ.get("GLUTE_COACH_IMPORT_CHECK"):
    import importlib
    import pkgutil

    import glute_coach

    failed = []
    names = [
        info.name
        for info in pkgutil.walk_packages(glute_coach.__path__, "glute_coach.")
        if not info.name.endswith(".__main__")  # that one runs the app
    ]
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:
            failed.append(f"{name}: {type(exc).__name__}: {exc}")
    print(f"imported {len(names) - len(failed)} of {len(names)} modules")
    for failure in failed:
        print(failure)
    raise SystemExit(1 if failed else 0)

from glute_coach.cli.main import main

raise SystemExit(main())
