"""Consistent backups of the database and the uploaded files, and their restore.

A backup is one .tar.gz holding `manifest.json`, the database (`db.sqlite3` made with
SQLite's online backup API, or `db.dump` from pg_dump's custom format) and `media/`.
Restore replaces the database and the media folder with the backup's contents.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, connections

FORMAT_VERSION = 1


class BackupError(RuntimeError):
    pass


def _db() -> dict[str, Any]:
    return settings.DATABASES["default"]


def _pg_env(db: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: dict[str, Any]) -> list[str]:
    args = ["-h", str(db.get("HOST") or "127.0.0.1"), "-p", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["-U", str(db["USER"])]
    return args


def make_backup(target: Path) -> Path:
    """Write a backup archive to `target` (a file path) and return it."""
    db = _db()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if connection.vendor == "sqlite":
            source = sqlite3.connect(str(db["NAME"]))
            dest = sqlite3.connect(str(work / "db.sqlite3"))
            with dest:
                source.backup(dest)
            source.close()
            dest.close()
            db_file = "db.sqlite3"
        elif connection.vendor == "postgresql":
            db_file = "db.dump"
            result = subprocess.run(
                ["pg_dump", "--format=custom", "--no-owner", "--no-acl", *_pg_args(db), "-f", str(work / db_file),
                 str(db["NAME"])],
                env=_pg_env(db), capture_output=True, text=True, timeout=3600,
            )
            if result.returncode != 0:
                raise BackupError(f"pg_dump thất bại: {result.stderr.strip()}")
        else:
            raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {connection.vendor}.")
        manifest = {"format": "giamsat-backup", "version": FORMAT_VERSION, "vendor": connection.vendor,
                    "database": db_file, "created_at": dt.datetime.now(dt.UTC).isoformat()}
        target.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(target, "w:gz") as tar:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
            tar.add(work / db_file, arcname=db_file)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                tar.add(media, arcname="media")
    return target


def _safe_extract(tar: tarfile.TarFile, target: Path) -> None:
    """Extract regular files and folders only, never outside `target` (Python's "data" filter
    where the interpreter has it; the same checks by hand on older 3.11 releases)."""
    if hasattr(tarfile, "data_filter"):
        tar.extractall(target, filter="data")
        return
    root = target.resolve()
    for member in tar.getmembers():
        destination = (target / member.name).resolve()
        if not (member.isfile() or member.isdir()) or not destination.is_relative_to(root):
            raise BackupError(f"Tệp sao lưu chứa mục không hợp lệ: {member.name}")
    tar.extractall(target)  # every member was checked above


def restore_backup(archive: Path) -> dict[str, Any]:
    """Replace the current database and media with the archive's. The archive is checked first."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with tarfile.open(archive, "r:gz") as tar:
            _safe_extract(tar, work)
        manifest_path = work / "manifest.json"
        if not manifest_path.is_file():
            raise BackupError("Tệp sao lưu không hợp lệ: thiếu manifest.json.")
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("format") != "giamsat-backup" or manifest.get("version") != FORMAT_VERSION:
            raise BackupError("Tệp sao lưu không đúng định dạng hoặc phiên bản.")
        if manifest.get("vendor") != connection.vendor:
            raise BackupError(f"Bản sao lưu của {manifest.get('vendor')}, không khôi phục vào {connection.vendor} được.")
        db = _db()
        connections.close_all()
        if connection.vendor == "sqlite":
            source = sqlite3.connect(str(work / "db.sqlite3"))
            dest = sqlite3.connect(str(db["NAME"]))
            with dest:
                source.backup(dest)
            source.close()
            dest.close()
        else:
            result = subprocess.run(
                ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-acl", "--single-transaction",
                 *_pg_args(db), "-d", str(db["NAME"]), str(work / "db.dump")],
                env={**_pg_env(db), "PGOPTIONS": "-c giamsat.audit_purge=on"},
                capture_output=True, text=True, timeout=3600,
            )
            if result.returncode != 0:
                raise BackupError(f"pg_restore thất bại: {result.stderr.strip()}")
        media = Path(settings.MEDIA_ROOT)
        if media.is_dir():
            shutil.rmtree(media)
        if (work / "media").is_dir():
            shutil.copytree(work / "media", media)
    return manifest
