import { useEffect, useMemo, useRef, useState } from 'react';
import { Provider } from 'urql';
import { Balances } from './Balances';
import { Catalog } from './Catalog';
import { createGatewayClient, loadApiKey, saveApiKey, type GatewayClient } from './client';
import type { Currency } from './gql/graphql';
import { useRoute } from './hooks';
import { OrderPage } from './OrderPage';
import { Orders } from './Orders';

const CURRENCIES: Currency[] = ['THB', 'IDR', 'USD'];

export function App() {
  const [apiKey, setApiKey] = useState(loadApiKey);
  const [draftKey, setDraftKey] = useState(apiKey);
  const [currency, setCurrency] = useState<Currency>('THB');
  const route = useRoute();
  const gateway = useMemo(() => createGatewayClient(apiKey), [apiKey]);
  // A new key makes a new client; the old one's socket is closed then (not in an effect cleanup: StrictMode's
  // rehearsal unmount would close the socket of the client still in use).
  const previous = useRef<GatewayClient | null>(null);
  useEffect(() => {
    if (previous.current && previous.current !== gateway) previous.current.dispose();
    previous.current = gateway;
  }, [gateway]);
  useEffect(() => {
    performance.mark('storefront-mounted');
  }, []);

  const page = route[0] ?? 'catalog';
  return (
    <Provider value={gateway.client}>
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="top">
        <a className="brand" href="#/">Switchboard</a>
        <nav aria-label="Main">
          <a href="#/" aria-current={page === 'catalog' ? 'page' : undefined}>Catalog</a>
          <a href="#/orders" aria-current={page === 'orders' ? 'page' : undefined}>Orders</a>
          <a href="#/balances" aria-current={page === 'balances' ? 'page' : undefined}>Balances</a>
        </nav>
        <fieldset className="currency">
          <legend>Currency</legend>
          {CURRENCIES.map((c) => (
            <label key={c} className={c === currency ? 'chip active' : 'chip'}>
              <input type="radio" name="currency" value={c} checked={c === currency} onChange={() => setCurrency(c)} />
              {c}
            </label>
          ))}
        </fieldset>
        <form
          className="apikey"
          onSubmit={(e) => {
            e.preventDefault();
            saveApiKey(draftKey.trim());
            setApiKey(draftKey.trim());
          }}
        >
          <label className="field">
            <span>API key</span>
            <input type="password" autoComplete="off" value={draftKey} placeholder="not needed in sandbox" onChange={(e) => setDraftKey(e.target.value)} />
          </label>
          <button type="submit" className="secondary">{apiKey && apiKey === draftKey.trim() ? 'Saved' : 'Use key'}</button>
        </form>
      </header>
      <main id="main" tabIndex={-1}>
        {page === 'order' && route[1] ? (
          <OrderPage key={route[1]} orderId={route[1]} />
        ) : page === 'orders' ? (
          <Orders />
        ) : page === 'balances' ? (
          <Balances currency={currency} />
        ) : (
          <Catalog currency={currency} />
        )}
      </main>
    </Provider>
  );
}
