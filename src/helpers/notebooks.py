"""Execute the committed notebooks in place, deterministically (``make notebooks``).

The notebooks are stored with their outputs so that nbval can prove a re-run reproduces them; this
runs each one top to bottom in a fresh kernel from its own folder, without timing metadata or the
Python version, so that re-executing unchanged data leaves the files unchanged.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from .tables import replace_text

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
KERNEL = "vn-office-reports"


def quiet_kernel_manager(socket_dir: Path, kernel_name: str = KERNEL):
    """A kernel manager whose kernel talks over IPC sockets in ``socket_dir``, not over TCP.

    A kernel on TCP prints "Kernel is running over TCP without encryption" each time it starts; IPC is
    the remedy that warning names, and it is silent. ``socket_dir`` should be private (``mkdtemp``) and
    short: a Unix socket's path is limited to about 100 bytes.
    """
    from jupyter_client import KernelManager

    return KernelManager(kernel_name=kernel_name, transport="ipc", ip=str(Path(socket_dir) / "kernel"))


def execute_in_place(path: Path, timeout: int = 600) -> None:
    """Run ``path`` top to bottom and write it back with its outputs (atomically, with the umask's permissions)."""
    notebook = nbformat.read(path, as_version=4)
    sockets = tempfile.mkdtemp(prefix="vnk-")
    manager = quiet_kernel_manager(Path(sockets))
    try:
        client = NotebookClient(notebook, km=manager, timeout=timeout, kernel_name=KERNEL, record_timing=False,
                                resources={"metadata": {"path": str(path.parent)}})
        client.execute()
    finally:
        if manager.has_kernel:  # a kernel manager handed to nbclient is ours to stop
            manager.shutdown_kernel(now=True)
        shutil.rmtree(sockets, ignore_errors=True)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = coalesce_streams(cell.outputs)
    notebook.metadata.pop("papermill", None)
    # The Python patch release that ran it is not a result: any supported Python re-executes to the same file.
    notebook.metadata.get("language_info", {}).pop("version", None)
    text = nbformat.writes(notebook)
    # As nbformat.write ends the file, but replaced whole: an interrupted run leaves the old notebook.
    replace_text(path, text if text.endswith("\n") else text + "\n")


def coalesce_streams(outputs: list) -> list:
    """Join consecutive stdout (or stderr) outputs: the kernel splits them into chunks at random."""
    joined: list = []
    for output in outputs:
        previous = joined[-1] if joined else None
        if (output.get("output_type") == "stream" and previous is not None
                and previous.get("output_type") == "stream" and previous.get("name") == output.get("name")):
            previous["text"] = previous["text"] + output["text"]
        else:
            joined.append(output)
    return joined


def execute_all(folder: Path = NOTEBOOK_DIR) -> list[Path]:
    """Execute every ``NN_*.ipynb`` of ``folder`` in name order; return them."""
    paths = sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    for path in paths:
        print(f"executing {path.name}")
        execute_in_place(path)
    return paths
