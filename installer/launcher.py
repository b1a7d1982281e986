"""The frozen client's entry point. PyInstaller runs this file as __main__, so that `ui.app`
stays an ordinary module inside the bundle and finds resources/ beside its own package."""

import sys

from ui.app import main

sys.exit(main())
