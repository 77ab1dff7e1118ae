# The briefing bot in a container.
#   docker build -t briefing-bot .
#   docker run -d --name briefing -e DISCORD_TOKEN -v briefing-data:/data briefing-bot
# or `docker compose up -d` (compose.yaml). Settings: deploy/config.toml (mount your own
# at /etc/briefing/config.toml); the database lives on the /data volume.

ARG PYTHON_IMAGE=python:3.11.13-slim-bookworm

# --- build: one virtual environment with the project and the dependencies it declares --------
FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/briefing
WORKDIR /src
COPY pyproject.toml README.md ./
COPY summaries ./summaries
COPY bot ./bot
RUN /opt/briefing/bin/pip install --no-cache-dir .

# --- run: that environment only, as an unprivileged user ---------------------------------
FROM ${PYTHON_IMAGE}
ENV PATH=/opt/briefing/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    BRIEFING_CONFIG=/etc/briefing/config.toml
RUN groupadd --system --gid 10001 briefing \
    && useradd --system --uid 10001 --gid briefing --home-dir /data --no-create-home \
        --shell /usr/sbin/nologin briefing \
    && mkdir /data \
    && chown briefing:briefing /data
COPY --from=build /opt/briefing /opt/briefing
COPY deploy/config.toml /etc/briefing/config.toml
WORKDIR /data
VOLUME ["/data"]
USER 10001:10001
EXPOSE 8080 8090
# `docker stop` sends SIGTERM, then SIGKILL after its timeout (10 s unless told otherwise).
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-m", "bot.observability.probe"]
ENTRYPOINT ["python", "-m", "bot"]
