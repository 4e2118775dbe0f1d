# Local stand-in for the postgres image, for compose rehearsals on a machine without a registry
# (tools/docker/make-bases.sh, LOCAL_DB_BASES=1): Debian's PostgreSQL 15 with the subset of the official
# entry point compose uses (POSTGRES_PASSWORD, POSTGRES_DB, `postgres -c …` arguments, /var/lib/postgresql/data).
ARG BASE=pa-local/debian:bookworm
FROM ${BASE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-15 \
 && rm -rf /var/lib/apt/lists/* /usr/share/doc/* /usr/share/man/* \
 && mkdir -p /var/lib/postgresql/data /var/run/postgresql \
 && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
ENV PATH=/usr/lib/postgresql/15/bin:$PATH \
    PGDATA=/var/lib/postgresql/data
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
STOPSIGNAL SIGINT
CMD ["postgres"]
