"""Entry point of the frozen application (PyInstaller): the same `arbiter` command as the Python package."""
import sys

from arbiter.cli import main

if __name__ == "__main__":
    sys.exit(main())
