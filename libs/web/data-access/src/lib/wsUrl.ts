/** The graphql-ws URL of a same-origin endpoint: wss:// on https pages, ws:// otherwise. */
export function graphqlWsUrl(location: Pick<Location, 'protocol' | 'host'>, path = '/graphql'): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}
