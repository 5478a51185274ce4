import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  getNamedType,
  isCompositeType,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { Config } from '../config.ts';
import type { IncomingMessage } from 'node:http';
import { viewerOf } from './viewer.ts';

/**
 * What one field costs, by `Type.field`. Fields whose resolvers call an upstream provider (or fan
 * out to every provider) cost far more than fields answered from memory or the database: they
 * spend a provider's rate budget and money-adjacent state. Everything not listed costs
 * DEFAULT_FIELD_COST; introspection (`__schema`, `__type`, `__typename`) costs nothing.
 */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  // Reads that call providers (through short caches; a cache miss is one call per provider).
  'Query.catalog': 50,
  'Query.countries': 25,
  'Query.balances': 25,
  'Provider.balance': 10,
  // Writes: each is at least one provider call with money or an order behind it.
  'Mutation.buyNumber': 100,
  'Mutation.cancelOrder': 50,
  'Mutation.completeOrder': 50,
  'Mutation.resendSms': 50,
  'Mutation.registerProviderWebhook': 50,
};

export const DEFAULT_FIELD_COST = 1;

export interface OperationLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  readonly maxCost: number;
}

export function limitsFromConfig(config: Config): OperationLimits {
  return {
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxAliases: config.GRAPHQL_MAX_ALIASES,
    maxTokens: config.GRAPHQL_MAX_TOKENS,
    maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
    maxCost: config.GRAPHQL_MAX_COST,
  };
}

/** The cost of each operation in a document, fragments expanded (a fragment cycle counts once; NoFragmentCycles refuses it anyway). */
export function operationCostRule(maxCost: number, costs: Readonly<Record<string, number>> = FIELD_COSTS): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const schema = context.getSchema();

    function costOf(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, visiting: Set<string>): number {
      let total = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          const name = selection.name.value;
          if (name.startsWith('__')) continue;
          const field = 'getFields' in parent ? (parent.getFields() as Record<string, GraphQLField<unknown, unknown>>)[name] : undefined;
          if (!field) continue; // FieldsOnCorrectType reports it
          total += costs[`${parent.name}.${name}`] ?? DEFAULT_FIELD_COST;
          const child = getNamedType(field.type);
          if (selection.selectionSet && isCompositeType(child)) total += costOf(selection.selectionSet, child, visiting);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const typeName = selection.typeCondition?.name.value;
          const type = typeName ? schema.getType(typeName) : parent;
          total += costOf(selection.selectionSet, type && isCompositeType(type) ? type : parent, visiting);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || visiting.has(name)) continue;
          const type = schema.getType(fragment.typeCondition.name.value);
          visiting.add(name);
          total += costOf(fragment.selectionSet, type && isCompositeType(type) ? type : parent, visiting);
          visiting.delete(name);
        }
      }
      return total;
    }

    return {
      OperationDefinition(operation) {
        const root = schema.getRootType(operation.operation);
        if (!root) return;
        const cost = costOf(operation.selectionSet, root, new Set());
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(`Operation cost ${cost} exceeds the limit of ${maxCost} (provider-backed fields such as catalog, balances and mutations cost more; see FIELD_COSTS).`, {
              nodes: [operation],
              extensions: { code: 'OPERATION_TOO_COSTLY', cost, maxCost },
            }),
          );
        }
      },
    };
  };
}

const SUGGESTION = /\s*Did you mean .*\?$/;

/**
 * Every limit on an operation's shape, applied at parse (tokens) and validation (the rest), so a
 * refused operation never reaches a resolver. Suggestions ("Did you mean …?") are removed from
 * validation errors unless the caller presented a valid token (or the gateway is single-tenant).
 */
export function operationLimitPlugins(config: Config, limits: OperationLimits = limitsFromConfig(config)): Plugin[] {
  // Armor's rules throw their own GraphQLError (from whichever graphql build they loaded) and stop
  // validation; instead each rejection is reported as one of ours, with a code and without the
  // misleading "Syntax Error:" prefix, so Yoga answers it as a validation error, never a masked 500.
  const report = (code: string) => ({
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: Error) => context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } })),
    ],
  });
  const rules: ValidationRule[] = [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...report('OPERATION_TOO_DEEP') }) as unknown as ValidationRule,
    maxAliasesRule({ n: limits.maxAliases, ...report('TOO_MANY_ALIASES') }) as unknown as ValidationRule,
    maxDirectivesRule({ n: limits.maxDirectives, ...report('TOO_MANY_DIRECTIVES') }) as unknown as ValidationRule,
    operationCostRule(limits.maxCost),
  ];
  if (!config.INTROSPECTION) rules.push(NoSchemaIntrospectionCustomRule);

  return [
    {
      // The token limit runs inside the parser, so a huge or 5,000-deep document stops after maxTokens tokens.
      onParse({ setParseFn }) {
        setParseFn((source, options) => {
          try {
            return new MaxTokensParserWLexer(source, { ...options, n: limits.maxTokens }).parseDocument();
          } catch (error) {
            if (error instanceof Error && error.name === 'GraphQLError' && !(error instanceof GraphQLError)) throw new GraphQLError(error.message);
            throw error;
          }
        });
      },
      onValidate({ addValidationRule, context }) {
        for (const rule of rules) addValidationRule(rule);
        if (viewerOf((context as { req?: IncomingMessage }).req)) return;
        return ({ result, setResult }) => {
          if (result.length === 0) return;
          setResult(result.map((error) => (SUGGESTION.test(error.message) ? new GraphQLError(error.message.replace(SUGGESTION, ''), { nodes: error.nodes, extensions: error.extensions }) : error)));
        };
      },
    },
  ];
}
