import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { applyShield, createMemoryPubSub, type PubSub } from '@pa/server-core';
import { apiParts } from './parts';

/** The executable schema: TypeGraphQL types and resolvers, wrapped in graphql-shield (deny by default). */
export async function buildApiSchema(
  pubSub: PubSub,
): Promise<{ schema: GraphQLSchema; unshielded: GraphQLSchema }> {
  const unshielded = await buildSchema({
    resolvers: apiParts.resolvers,
    pubSub,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
  return { schema: applyShield(unshielded, ...apiParts.rules), unshielded };
}

/** The schema as the contract clients are generated from (sorted, stable). */
export async function printApiSchema(): Promise<string> {
  const { unshielded } = await buildApiSchema(createMemoryPubSub());
  return `${printSchema(lexicographicSortSchema(unshielded))}\n`;
}
