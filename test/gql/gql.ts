/* eslint-disable */
import * as types from './graphql.ts';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query FxRates {\n    fxRates { pair base quote rate source asOf stale }\n  }\n": typeof types.FxRatesDocument,
    "\n  query Convert($amount: Decimal!, $from: Currency!, $to: Currency!) {\n    convert(amount: $amount, from: $from, to: $to) { amount currency minorUnits original { amount currency } fx { pair rate source asOf } }\n  }\n": typeof types.ConvertDocument,
    "\n  subscription RatesChanged {\n    fxRatesChanged { pair rate source }\n  }\n": typeof types.RatesChangedDocument,
};
const documents: Documents = {
    "\n  query FxRates {\n    fxRates { pair base quote rate source asOf stale }\n  }\n": types.FxRatesDocument,
    "\n  query Convert($amount: Decimal!, $from: Currency!, $to: Currency!) {\n    convert(amount: $amount, from: $from, to: $to) { amount currency minorUnits original { amount currency } fx { pair rate source asOf } }\n  }\n": types.ConvertDocument,
    "\n  subscription RatesChanged {\n    fxRatesChanged { pair rate source }\n  }\n": types.RatesChangedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FxRates {\n    fxRates { pair base quote rate source asOf stale }\n  }\n"): typeof import('./graphql.ts').FxRatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Convert($amount: Decimal!, $from: Currency!, $to: Currency!) {\n    convert(amount: $amount, from: $from, to: $to) { amount currency minorUnits original { amount currency } fx { pair rate source asOf } }\n  }\n"): typeof import('./graphql.ts').ConvertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RatesChanged {\n    fxRatesChanged { pair rate source }\n  }\n"): typeof import('./graphql.ts').RatesChangedDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
