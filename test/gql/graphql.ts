/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** ISO 4217 currency code of an amount. */
export type Currency =
  /** Indonesian rupiah. */
  | 'IDR'
  /** Thai baht. */
  | 'THB'
  /** US dollar. */
  | 'USD';

export type FxRatesQueryVariables = Exact<{ [key: string]: never; }>;


export type FxRatesQuery = { fxRates: Array<{ pair: string, base: Currency, quote: Currency, rate: string, source: string, asOf: string, stale: boolean }> };

export type ConvertQueryVariables = Exact<{
  amount: string;
  from: Currency;
  to: Currency;
}>;


export type ConvertQuery = { convert: { amount: string, currency: Currency, minorUnits: number, original: { amount: string, currency: Currency }, fx: { pair: string, rate: string, source: string, asOf: string } } };

export type RatesChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type RatesChangedSubscription = { fxRatesChanged: Array<{ pair: string, rate: string, source: string }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const FxRatesDocument = new TypedDocumentString(`
    query FxRates {
  fxRates {
    pair
    base
    quote
    rate
    source
    asOf
    stale
  }
}
    `) as unknown as TypedDocumentString<FxRatesQuery, FxRatesQueryVariables>;
export const ConvertDocument = new TypedDocumentString(`
    query Convert($amount: Decimal!, $from: Currency!, $to: Currency!) {
  convert(amount: $amount, from: $from, to: $to) {
    amount
    currency
    minorUnits
    original {
      amount
      currency
    }
    fx {
      pair
      rate
      source
      asOf
    }
  }
}
    `) as unknown as TypedDocumentString<ConvertQuery, ConvertQueryVariables>;
export const RatesChangedDocument = new TypedDocumentString(`
    subscription RatesChanged {
  fxRatesChanged {
    pair
    rate
    source
  }
}
    `) as unknown as TypedDocumentString<RatesChangedSubscription, RatesChangedSubscriptionVariables>;