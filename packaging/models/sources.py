"""Pinned npm sources of the pretrained networks, and how to fetch them.

Single source of truth for package names, versions and integrity hashes; used
by build_models.sh (through the command line below), the converters and
check_reference.py.  The integrity strings are the registry's
`dist.integrity` (Subresource-Integrity sha512) of each tarball: a tarball
that does not hash to exactly this value is refused, so a re-published or
tampered package can never silently change the models.

Command line:
  sources.py fetch CACHE_DIR          fetch + verify both tarballs, print paths
  sources.py stamp                    print a hash of everything a build depends on
  sources.py samples TARBALL OUTDIR   copy face-api's demo/sample1..6.jpg to OUTDIR
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class NpmSource:
    name: str
    version: str
    integrity: str
    licence: str

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def tarball_name(self) -> str:
        # the file name `npm pack` writes: scope folded into the name
        return f"{self.name.lstrip('@').replace('/', '-')}-{self.version}.tgz"


FACE_API = NpmSource(
    name="@vladmandic/face-api",
    version="1.7.15",
    integrity="sha512-WDMmK3CfNLo8jylWqMoQgf4nIst3M0fzx1dnac96wv/dvMTN4DxC/Pq1DGtduDk1lktCamQ3MIDXFnvrdHTXDw==",
    licence="MIT",
)
NSFWJS = NpmSource(
    name="nsfwjs",
    version="4.3.0",
    integrity="sha512-WTKDte0vp1X97N1h34P79G/hG+sVT3+TnDz9di1WseIJR93v11E4viNX7Vg9WsO6HYoR772Nzq2iM8jo3XBZ+g==",
    licence="MIT",
)
ALL_SOURCES = (FACE_API, NSFWJS)

# Files used from each tarball (paths inside the tarball, under package/).
FACE_DETECTOR_FILES = (
    "model/ssd_mobilenetv1_model-weights_manifest.json",
    "model/ssd_mobilenetv1_model.bin",
)
SAMPLE_PHOTOS = tuple(f"demo/sample{i}.jpg" for i in range(1, 7))
MODERATION_FILES = (
    "dist/models/mobilenet_v2/model.min.js",
    "dist/models/mobilenet_v2/group1-shard1of1.min.js",
)

# Files whose content defines the converted models (for the build stamp).
CONVERTER_FILES = (
    "sources.py",
    "tfjs_weights.py",
    "tf_layers.py",
    "convert_face_detector.py",
    "convert_moderation.py",
    "build_models.sh",
)


class SourceError(RuntimeError):
    pass


def default_cache_dir() -> Path:
    base = os.environ.get("PIXELNEST_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "pixelnest")
    return Path(base) / "model-sources"


def sri_sha512(path: Path) -> str:
    digest = hashlib.sha512()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return "sha512-" + base64.b64encode(digest.digest()).decode("ascii")


def verify(src: NpmSource, path: Path) -> None:
    actual = sri_sha512(path)
    if actual != src.integrity:
        raise SourceError(f"{path}: integrity mismatch for {src.spec}\n"
                          f"  expected {src.integrity}\n  actual   {actual}")


def fetch(src: NpmSource, cache_dir: Path) -> Path:
    """Return the verified tarball of `src` in cache_dir, fetching it with
    `npm pack` (the registry's ordinary client) if it is missing or bad."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / src.tarball_name
    if target.exists():
        try:
            verify(src, target)
            return target
        except SourceError:
            print(f"cached {target.name} is corrupt; fetching it again", file=sys.stderr)
            target.unlink()
    npm = shutil.which("npm")
    if npm is None:
        raise SourceError("npm is not installed; it is needed to fetch " + src.spec)
    with tempfile.TemporaryDirectory(dir=cache_dir, prefix=".fetch-") as tmp:
        env = dict(os.environ)
        # keep npm's own cache next to ours (works for any user, no prompts)
        env.setdefault("npm_config_cache", str(cache_dir / "npm-cache"))
        env["npm_config_update_notifier"] = "false"
        env["npm_config_fund"] = "false"
        env["npm_config_audit"] = "false"
        cmd = [npm, "pack", src.spec, "--pack-destination", tmp, "--loglevel=error"]
        proc = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            raise SourceError(f"`{' '.join(cmd)}` failed (exit {proc.returncode}):\n{proc.stderr.strip()}")
        fetched = Path(tmp) / src.tarball_name
        if not fetched.exists():
            raise SourceError(f"npm pack did not produce {src.tarball_name}: {os.listdir(tmp)}")
        verify(src, fetched)
        os.replace(fetched, target)
    return target


def read_member(tarball: Path, member: str) -> bytes:
    """Read package/<member> from an npm tarball without unpacking it."""
    with tarfile.open(tarball, "r:gz") as tar:
        try:
            info = tar.getmember("package/" + member)
        except KeyError:
            raise SourceError(f"{tarball.name} has no file {member}") from None
        f = tar.extractfile(info)
        if f is None:
            raise SourceError(f"{tarball.name}: {member} is not a regular file")
        return f.read()


def read_members(tarball: Path, members: tuple[str, ...] | list[str]) -> dict[str, bytes]:
    wanted = {"package/" + m: m for m in members}
    found: dict[str, bytes] = {}
    with tarfile.open(tarball, "r:gz") as tar:
        for info in tar:
            if info.name in wanted and info.isfile():
                f = tar.extractfile(info)
                assert f is not None
                found[wanted[info.name]] = f.read()
    missing = sorted(set(members) - set(found))
    if missing:
        raise SourceError(f"{tarball.name} lacks {', '.join(missing)}")
    return found


def build_stamp() -> str:
    """Hash of everything the converted models depend on: pinned sources,
    converter code, and the torch version that serialises them.  Reads
    torch's version from its metadata instead of importing it (fast)."""
    from importlib import metadata
    h = hashlib.sha256()
    for src in ALL_SOURCES:
        h.update(f"{src.spec} {src.integrity}\n".encode())
    for name in CONVERTER_FILES:
        h.update(name.encode() + b"\0" + (HERE / name).read_bytes() + b"\0")
    try:
        torch_version = metadata.version("torch")
    except metadata.PackageNotFoundError:
        torch_version = "unknown"
    h.update(f"torch {torch_version}\n".encode())
    return h.hexdigest()


def main(argv: list[str]) -> int:
    if len(argv) >= 1 and argv[0] == "stamp":
        print(build_stamp())
        return 0
    if len(argv) == 3 and argv[0] == "samples":
        tarball, outdir = Path(argv[1]), Path(argv[2])
        verify(FACE_API, tarball)
        outdir.mkdir(parents=True, exist_ok=True)
        for member, data in read_members(tarball, SAMPLE_PHOTOS).items():
            (outdir / Path(member).name).write_bytes(data)
        (outdir / "LICENSE").write_bytes(read_member(tarball, "LICENSE"))
        return 0
    if len(argv) == 2 and argv[0] == "fetch":
        cache = Path(argv[1])
        for src in ALL_SOURCES:
            print(fetch(src, cache))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (SourceError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(1)
