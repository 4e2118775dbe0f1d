# Local stand-in for the redis image, for compose rehearsals on a machine without a registry
# (tools/docker/make-bases.sh, LOCAL_DB_BASES=1): Debian's Redis 7.0, data in /data.
ARG BASE=pa-local/debian:bookworm
FROM ${BASE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends redis-server \
 && rm -rf /var/lib/apt/lists/* /usr/share/doc/* /usr/share/man/* \
 && mkdir -p /data && chown redis:redis /data
WORKDIR /data
USER redis
CMD ["redis-server"]
