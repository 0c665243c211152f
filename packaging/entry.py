"""Entry point of the frozen application (PyInstaller): the same `arbiter` command as the Python package."""
import multiprocessing
import sys

from arbiter.cli import main

if __name__ == "__main__":
    # the import service reads bundles in worker processes (spawned, in a frozen app): a spawned worker starts
    # this same executable, and freeze_support() turns it into the worker instead of a second workstation
    multiprocessing.freeze_support()
    sys.exit(main())
