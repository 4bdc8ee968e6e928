"""Where progress lives, and the id of this machine.

The data directory may be synced between machines (git, Syncthing, Dropbox). Each machine writes only files
under ``devices/<device id>/``, so a sync never has two machines writing one file. The device id must therefore
differ between machines even when the whole data directory is copied: it is kept outside the data directory,
in the user state directory, in a file named after the host (``device-<host>.json``), so that even a synced state
directory gives each host its own id.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import socket
import time
import uuid
from pathlib import Path

import platformdirs

from devday_tui.store.errors import StoreError
from devday_tui.store.files import atomic_write_bytes

APP_NAME = "devday-tui"
ENV_DATA_DIR = "DEVDAY_TUI_DATA"

_DEVICE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def data_dir_for(explicit: Path | str | None = None) -> Path:
    """The data directory: ``explicit`` (``--data-dir``), else ``$DEVDAY_TUI_DATA``, else the user data dir."""
    if explicit is not None and str(explicit) != "":
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_DATA_DIR, "").strip()
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def host_slug() -> str:
    host = socket.gethostname().split(".")[0].lower()
    slug = re.sub(r"[^a-z0-9-]+", "-", host).strip("-")[:24]
    return slug or "host"


def check_device_id(device_id: str) -> str:
    if not _DEVICE_ID.match(device_id or ""):
        raise StoreError(
            f"Invalid device id {device_id!r}: use 1-64 letters, digits, '.', '_' or '-', starting with a letter "
            f"or digit."
        )
    return device_id


def machine_device_id(state_dir: Path | None = None) -> str:
    """This machine's device id, created on first use (``<host>-<8 random hex digits>``).

    The file is created with ``O_EXCL``, so two first starts at the same moment agree on one id: the second
    finds the file made by the first and reads it (waiting briefly while the first is still writing it).
    """
    state = Path(state_dir) if state_dir is not None else Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))
    slug = host_slug()
    path = state / f"device-{slug}.json"
    found = _read_device_id(path, wait=0.0)
    if found is not None:
        return found
    device_id = f"{slug}-{secrets.token_hex(4)}"
    payload = json.dumps({"device_id": device_id, "host": socket.gethostname()}).encode()
    try:
        state.mkdir(parents=True, exist_ok=True)
    except OSError:
        return _fallback_id(slug)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    except FileExistsError:
        found = _read_device_id(path, wait=2.0)  # another start made it first: use its id
        if found is not None:
            return found
        return _replace_device_id(path, payload, slug, device_id)  # there, but damaged
    except OSError:
        return _fallback_id(slug)
    try:
        os.write(fd, payload)
        os.fsync(fd)
    except OSError:
        pass  # the id is still this start's; the next start reads the file or makes it again
    finally:
        os.close(fd)
    return device_id


def _read_device_id(path: Path, *, wait: float) -> str | None:
    """The id in ``path``; ``None`` when there is none or it is unreadable after ``wait`` seconds."""
    deadline = time.monotonic() + wait
    while True:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return check_device_id(str(data["device_id"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, StoreError):
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.01)  # being written by another start


def _replace_device_id(path: Path, payload: bytes, slug: str, device_id: str) -> str:
    """Replace a damaged id file (old files keep their old device folder and are still read)."""
    try:
        atomic_write_bytes(path, payload)
    except StoreError:
        return _fallback_id(slug)
    return _read_device_id(path, wait=0.0) or device_id


def _fallback_id(slug: str) -> str:
    """An id that is stable for this host, for a state directory that cannot be written."""
    digest = hashlib.blake2b(f"{socket.gethostname()}:{uuid.getnode()}".encode(), digest_size=4).hexdigest()
    return f"{slug}-{digest}"
