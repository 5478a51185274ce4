import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from './gql';
import type { OrderKind, OrderStatus } from './gql/graphql';
import { describeRequestError, formatMoney, KIND_LABELS, providerName, STATUS_LABELS } from './format';

const OrdersDocument = graphql(`
  query StorefrontOrders($first: Int, $after: String, $filter: OrderFilter) {
    orders(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          __typename
          id
          kind
          status
          service
          provider
          createdAt
          price { amount currency }
          ... on OtpOrder { phoneNumber }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const PAGE = 20;

export function Orders() {
  const [kind, setKind] = useState<OrderKind | ''>('');
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [pages, setPages] = useState<Array<string | null>>([null]);
  const reset = () => setPages([null]);
  return (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title">Orders</h1>
      <div className="filters">
        <label className="field">
          <span>Kind</span>
          <select value={kind} onChange={(e) => { setKind(e.target.value as OrderKind | ''); reset(); }}>
            <option value="">All kinds</option>
            {Object.entries(KIND_LABELS).map(([k, label]) => (
              <option key={k} value={k}>{label}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Status</span>
          <select value={status} onChange={(e) => { setStatus(e.target.value as OrderStatus | ''); reset(); }}>
            <option value="">Any status</option>
            {Object.entries(STATUS_LABELS).map(([s, label]) => (
              <option key={s} value={s}>{label}</option>
            ))}
          </select>
        </label>
      </div>
      <table className="orders">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">Status</th>
            <th scope="col" className="hide-narrow">Provider</th>
            <th scope="col">Price</th>
          </tr>
        </thead>
        {pages.map((after, i) => (
          <OrdersPage key={`${kind}:${status}:${after ?? ''}`} kind={kind} status={status} after={after} onMore={i === pages.length - 1 ? (c) => setPages([...pages, c]) : undefined} />
        ))}
      </table>
    </section>
  );
}

function OrdersPage({ kind, status, after, onMore }: { kind: OrderKind | ''; status: OrderStatus | ''; after: string | null; onMore: ((cursor: string) => void) | undefined }) {
  const variables = useMemo(() => ({ first: PAGE, after, filter: { ...(kind ? { kind: [kind] } : {}), ...(status ? { status: [status] } : {}) } }), [kind, status, after]);
  const [result] = useQuery({ query: OrdersDocument, variables, requestPolicy: 'cache-and-network' });
  const error = describeRequestError(result.error);
  const edges = result.data?.orders.edges ?? [];
  const pageInfo = result.data?.orders.pageInfo;
  return (
    <tbody>
      {error && (
        <tr><td colSpan={5} role="alert" className="error">{error}</td></tr>
      )}
      {!after && result.data && edges.length === 0 && (
        <tr><td colSpan={5} className="muted">No orders yet.</td></tr>
      )}
      {edges.map(({ node }) => (
        <tr key={node.id} data-testid="order-row">
          <td className="small">{new Date(node.createdAt).toLocaleString()}</td>
          <td>
            <a href={`#/order/${encodeURIComponent(node.id)}`}>{KIND_LABELS[node.kind]}: {node.service}</a>
            {node.__typename === 'OtpOrder' && node.phoneNumber ? <span className="muted small"> · {node.phoneNumber}</span> : null}
          </td>
          <td><span className={`status status-${node.status}`}>{STATUS_LABELS[node.status] ?? node.status}</span></td>
          <td className="hide-narrow">{providerName(node.provider)}</td>
          <td>{formatMoney(node.price)}</td>
        </tr>
      ))}
      {onMore && pageInfo?.hasNextPage && pageInfo.endCursor && (
        <tr><td colSpan={5}><button type="button" className="secondary" onClick={() => onMore(pageInfo.endCursor!)}>Older orders</button></td></tr>
      )}
    </tbody>
  );
}
