import { graphqlWsUrl } from './wsUrl';

describe('graphqlWsUrl', () => {
  it('uses ws:// on an http page, keeping host and port', () => {
    expect(graphqlWsUrl({ protocol: 'http:', host: '127.0.0.1:4310' })).toBe('ws://127.0.0.1:4310/graphql');
  });

  it('uses wss:// on an https page so the socket is never downgraded', () => {
    expect(graphqlWsUrl({ protocol: 'https:', host: 'assistant.example' })).toBe(
      'wss://assistant.example/graphql',
    );
  });

  it('accepts another path', () => {
    expect(graphqlWsUrl({ protocol: 'http:', host: 'localhost:4200' }, '/api/graphql')).toBe(
      'ws://localhost:4200/api/graphql',
    );
  });
});
