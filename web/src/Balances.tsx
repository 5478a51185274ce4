import { useQuery } from 'urql';
import { graphql } from './gql';
import type { Currency } from './gql/graphql';
import { age, describeRequestError, formatMoney, providerName, sourceLabel } from './format';
import { useNow } from './hooks';

const BalancesDocument = graphql(`
  query StorefrontBalances($currency: Currency!) {
    balances(currency: $currency) {
      currency
      complete
      total { amount currency }
      rates { pair rate source asOf }
      providers {
        provider
        error
        balance { amount currency }
        converted { amount currency }
      }
    }
  }
`);

export function Balances({ currency }: { currency: Currency }) {
  const now = useNow(5000);
  const [result] = useQuery({ query: BalancesDocument, variables: { currency }, requestPolicy: 'cache-and-network' });
  const error = describeRequestError(result.error);
  const balances = result.data?.balances;
  return (
    <section aria-labelledby="balances-title">
      <h1 id="balances-title">Balances</h1>
      {error && <p role="alert" className="error">{error}</p>}
      {!balances && !error && <p className="muted">Loading…</p>}
      {balances && (
        <>
          <p className="total card">
            <span className="label">Total</span>
            <strong data-testid="balance-total">{formatMoney(balances.total)}</strong>
            {!balances.complete && <span className="error small"> Some balances could not be read and are not included.</span>}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Provider</th>
                <th scope="col">Balance</th>
                <th scope="col">In {balances.currency}</th>
              </tr>
            </thead>
            <tbody>
              {balances.providers.map((p) => (
                <tr key={p.provider}>
                  <td>{providerName(p.provider)}</td>
                  <td>{p.balance ? formatMoney(p.balance) : <span className="error small">{p.error ?? 'unavailable'}</span>}</td>
                  <td>{formatMoney(p.converted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {balances.rates.length > 0 && (
            <ul className="muted small">
              {balances.rates.filter((r) => !r.source.includes('IDENTITY')).map((r) => (
                <li key={`${r.pair}|${r.source}`}>1 {r.pair.split('/')[0]} = {r.rate} {r.pair.split('/')[1]} · {sourceLabel(r.source)} · {age(r.asOf, now)}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
