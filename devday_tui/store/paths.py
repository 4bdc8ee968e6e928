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
import uuid
from pathlib import Path

import platformdirs

from devday_tui.store.files import atomic_write_bytes
from devday_tui.store.errors import StoreError

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
    """This machine's device id, created on first use (``<host>-<8 random hex digits>``)."""
    state = Path(state_dir) if state_dir is not None else Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))
    slug = host_slug()
    path = state / f"device-{slug}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        device_id = str(data["device_id"])
        check_device_id(device_id)
        return device_id
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError, StoreError):
        pass  # unreadable: make a new one below (old files keep their old device folder and are still read)
    device_id = f"{slug}-{secrets.token_hex(4)}"
    payload = json.dumps({"device_id": device_id, "host": socket.gethostname()}).encode()
    try:
        atomic_write_bytes(path, payload)
    except StoreError:
        # The state directory is not writable: fall back to an id that is stable for this host.
        digest = hashlib.blake2b(f"{socket.gethostname()}:{uuid.getnode()}".encode(), digest_size=4).hexdigest()
        return f"{slug}-{digest}"
    return device_id
