import { useMemo, useState } from 'react';
import { useClient, useQuery, useSubscription } from 'urql';
import { graphql } from './gql';
import type { OrderFieldsFragment } from './gql/graphql';
import { clock, describeError, describeRequestError, formatMoney, KIND_LABELS, providerName, STATUS_LABELS, type TypedError } from './format';
import { useNow, useSingleFlight } from './hooks';
import { attemptsFor, OUTCOME_LABELS } from './store';

graphql(`
  fragment OrderFields on Order {
    __typename
    id
    kind
    status
    service
    provider
    providerRef
    createdAt
    updatedAt
    price { amount currency }
    refund { amount currency }
    failure { code message }
    ... on OtpOrder { phoneNumber expiresAt messages { code text receivedAt } }
    ... on MobileRefillOrder { network refillNumber: phoneNumber amount { amount currency } }
    ... on GameTopUpOrder { game packageId topupInfo { field value } }
    ... on SocialBoostOrder { link quantity delivered remains }
    ... on PremiumAppOrder { app }
  }
`);

const OrderDocument = graphql(`
  query StorefrontOrder($id: ID!) {
    order(id: $id) { ...OrderFields }
    providers { id capabilities }
  }
`);

const OrderUpdatedDocument = graphql(`
  subscription StorefrontOrderUpdated($orderId: ID!) {
    orderUpdated(orderId: $orderId) { ...OrderFields }
  }
`);

const OtpReceivedDocument = graphql(`
  subscription StorefrontOtpReceived($orderId: ID!) {
    otpReceived(orderId: $orderId, replay: true) { code text receivedAt order { id status } }
  }
`);

const CredentialsDocument = graphql(`
  query StorefrontCredentials($id: ID!) {
    order(id: $id) {
      __typename
      id
      ... on PremiumAppOrder { credentials { username password pin profile expiresAt } }
    }
  }
`);

const CancelDocument = graphql(`
  mutation StorefrontCancel($input: CancelOrderInput!) {
    cancelOrder(input: $input) {
      __typename
      ... on CancelOrderPayload { order { ...OrderFields } }
      ... on Error { code message }
      ... on ProviderFailure { provider }
      ... on CancelTooEarly { secondsRemaining }
      ... on RateLimited { retryAfterSeconds }
      ... on ServiceUnavailable { unavailableForSeconds: retryAfterSeconds }
      ... on Unsupported { provider operation }
      ... on ValidationError { field }
      ... on NotFound { resource }
    }
  }
`);

const CancelRefillDocument = graphql(`
  mutation StorefrontCancelRefill($input: CancelRefillInput!) {
    cancelRefill(input: $input) {
      __typename
      ... on CancelRefillPayload { order { ...OrderFields } }
      ... on Error { code message }
      ... on ProviderFailure { provider }
      ... on CancelTooEarly { secondsRemaining }
      ... on RateLimited { retryAfterSeconds }
      ... on ServiceUnavailable { unavailableForSeconds: retryAfterSeconds }
      ... on Unsupported { provider operation }
      ... on ValidationError { field }
      ... on NotFound { resource }
    }
  }
`);

const ResendDocument = graphql(`
  mutation StorefrontResend($input: ResendSmsInput!) {
    resendSms(input: $input) {
      __typename
      ... on ResendSmsPayload { outcome { resent } }
      ... on Error { code message }
      ... on ProviderFailure { provider }
      ... on CancelTooEarly { secondsRemaining }
      ... on RateLimited { retryAfterSeconds }
      ... on ServiceUnavailable { unavailableForSeconds: retryAfterSeconds }
      ... on Unsupported { provider operation }
      ... on ValidationError { field }
      ... on NotFound { resource }
    }
  }
`);

const CompleteDocument = graphql(`
  mutation StorefrontComplete($input: CompleteOrderInput!) {
    completeOrder(input: $input) {
      __typename
      ... on CompleteOrderPayload { order { ...OrderFields } }
      ... on Error { code message }
      ... on ProviderFailure { provider }
      ... on CancelTooEarly { secondsRemaining }
      ... on RateLimited { retryAfterSeconds }
      ... on ServiceUnavailable { unavailableForSeconds: retryAfterSeconds }
      ... on Unsupported { provider operation }
      ... on ValidationError { field }
      ... on NotFound { resource }
    }
  }
`);

const OPEN = new Set(['PENDING', 'UNKNOWN', 'ACTIVE', 'OTP_RECEIVED']);

interface Code {
  readonly code: string | null | undefined;
  readonly text: string;
  readonly receivedAt: string;
}

export function OrderPage({ orderId }: { orderId: string }) {
  const [result] = useQuery({ query: OrderDocument, variables: { id: orderId } });
  const [live] = useSubscription({ query: OrderUpdatedDocument, variables: { orderId } }, (_previous: OrderFieldsFragment | undefined, event) => event.orderUpdated);
  const [codes] = useSubscription({ query: OtpReceivedDocument, variables: { orderId } }, (previous: Code[] | undefined, event): Code[] => {
    const list = previous ?? [];
    const next = event.otpReceived;
    return list.some((c) => c.receivedAt === next.receivedAt && c.text === next.text) ? list : [...list, next];
  });
  const [changed, setChanged] = useState<OrderFieldsFragment | null>(null);

  const order = newest([result.data?.order ?? null, live.data ?? null, changed]);
  const capabilities = useMemo(() => new Set(result.data?.providers.find((p) => p.id === order?.provider)?.capabilities ?? []), [result.data, order?.provider]);
  const error = describeRequestError(result.error);

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!order) return result.fetching ? <p className="muted">Loading the order…</p> : <p role="alert" className="error">This order does not exist or is not yours.</p>;

  const messages: Code[] = mergeCodes(order.__typename === 'OtpOrder' ? order.messages : [], codes.data ?? []);
  return (
    <section className="order card" aria-labelledby="order-title">
      <h1 id="order-title">
        {KIND_LABELS[order.kind]} · <span className="muted">{order.service}</span>
      </h1>
      <p>
        <span className={`status status-${order.status}`} data-testid="order-status">
          {STATUS_LABELS[order.status] ?? order.status}
        </span>{' '}
        <span className="muted small">
          from {providerName(order.provider)} · {formatMoney(order.price)}
          {order.refund ? ` · refunded ${formatMoney(order.refund)}` : ''}
        </span>
      </p>
      {order.failure && <p className="error">{order.failure.message}</p>}
      <Attempts orderId={order.id} />
      {order.__typename === 'OtpOrder' && <OtpDetails order={order} messages={messages} capabilities={capabilities} onChange={setChanged} />}
      {order.__typename === 'MobileRefillOrder' && (
        <>
          <dl className="facts">
            <dt>Number</dt>
            <dd>{order.refillNumber}</dd>
            <dt>Network</dt>
            <dd>{order.network}</dd>
            <dt>Amount</dt>
            <dd>{formatMoney(order.amount)}</dd>
          </dl>
          {capabilities.has('CANCEL') && order.status === 'ACTIVE' && <CancelButton orderId={order.id} refill onChange={setChanged} />}
          {order.status === 'ACTIVE' && <p className="muted small">The provider is processing the refill; this page updates by itself.</p>}
        </>
      )}
      {order.__typename === 'GameTopUpOrder' && (
        <dl className="facts">
          <dt>Game</dt>
          <dd>{order.game ?? order.packageId}</dd>
          {order.topupInfo.map((f) => (
            <Fragmentish key={f.field} term={f.field} value={f.value} />
          ))}
        </dl>
      )}
      {order.__typename === 'SocialBoostOrder' && (
        <dl className="facts">
          <dt>Link</dt>
          <dd className="wrap">{order.link}</dd>
          <dt>Quantity</dt>
          <dd>
            {order.quantity}
            {order.delivered != null ? ` · ${order.delivered} delivered` : ''}
            {order.remains != null ? ` · ${order.remains} to go` : ''}
          </dd>
        </dl>
      )}
      {order.__typename === 'PremiumAppOrder' && <Credentials orderId={order.id} app={order.app ?? order.service} status={order.status} />}
      <p className="muted small">
        Order {order.providerRef ? `${order.providerRef} · ` : ''}placed {new Date(order.createdAt).toLocaleString()}
      </p>
    </section>
  );
}

function Fragmentish({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** The most recently updated version of the order among the query, the subscription and the last mutation. */
function newest(candidates: Array<OrderFieldsFragment | null>): OrderFieldsFragment | null {
  let best: OrderFieldsFragment | null = null;
  for (const c of candidates) if (c && (!best || Date.parse(c.updatedAt) >= Date.parse(best.updatedAt))) best = c;
  return best;
}

function mergeCodes(stored: readonly Code[], live: readonly Code[]): Code[] {
  const all = [...stored];
  for (const c of live) if (!all.some((s) => s.receivedAt === c.receivedAt && s.text === c.text)) all.push(c);
  return all.sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
}

function Attempts({ orderId }: { orderId: string }) {
  const attempts = attemptsFor(orderId);
  if (!attempts || attempts.length < 2) return null;
  return (
    <div className="attempts">
      <h2>How this was bought</h2>
      <ol>
        {attempts.map((a, i) => (
          <li key={i}>
            {providerName(a.provider)} — {OUTCOME_LABELS[a.outcome] ?? a.outcome}
            {a.price ? <span className="muted"> ({formatMoney(a.price)})</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

type OtpOrder = Extract<OrderFieldsFragment, { __typename: 'OtpOrder' }>;

function OtpDetails({ order, messages, capabilities, onChange }: { order: OtpOrder; messages: Code[]; capabilities: Set<string>; onChange: (o: OrderFieldsFragment) => void }) {
  const now = useNow(1000);
  const [copied, setCopied] = useState(false);
  const open = OPEN.has(order.status);
  const secondsLeft = order.expiresAt ? Math.max(0, Math.round((Date.parse(order.expiresAt) - now) / 1000)) : null;
  const latest = messages.at(-1);

  const copy = async () => {
    if (!order.phoneNumber) return;
    try {
      await navigator.clipboard.writeText(order.phoneNumber);
    } catch {
      const selection = getSelection();
      const node = document.getElementById('phone-number');
      if (selection && node) selection.selectAllChildren(node);
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };

  return (
    <>
      <div className="phone">
        <span className="label">Your number</span>
        <strong id="phone-number" data-testid="phone-number">
          {order.phoneNumber ?? 'waiting for the provider…'}
        </strong>
        {order.phoneNumber && (
          <button type="button" className="secondary" onClick={copy}>
            {copied ? 'Copied ✓' : 'Copy number'}
          </button>
        )}
      </div>
      {open && secondsLeft !== null && (
        <p className="countdown" data-testid="countdown">
          Expires in <strong>{clock(secondsLeft)}</strong>
        </p>
      )}
      <div className="code" aria-live="polite" data-testid="otp">
        {latest ? (
          <>
            <span className="label">Code</span>
            <strong data-testid="otp-code">{latest.code ?? '—'}</strong>
            <span className="muted small">{latest.text}</span>
          </>
        ) : open ? (
          <span className="muted">Waiting for the SMS… the code appears here the moment it arrives.</span>
        ) : (
          <span className="muted">No code was received.</span>
        )}
      </div>
      {messages.length > 1 && (
        <details>
          <summary>All messages ({messages.length})</summary>
          <ul>
            {messages.map((m) => (
              <li key={`${m.receivedAt}:${m.text}`}>
                <strong>{m.code ?? '—'}</strong> {m.text} <span className="muted small">{new Date(m.receivedAt).toLocaleTimeString()}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="actions">
        {capabilities.has('OTP_RESEND') && open && <ActionButton label="Resend SMS" orderId={order.id} kind="resend" onChange={onChange} />}
        {capabilities.has('OTP_FINISH') && order.status === 'OTP_RECEIVED' && <ActionButton label="Complete" orderId={order.id} kind="complete" onChange={onChange} />}
        {capabilities.has('CANCEL') && order.status === 'ACTIVE' && <CancelButton orderId={order.id} onChange={onChange} />}
      </div>
    </>
  );
}

/** Cancel; while the provider forbids it the button is disabled and counts the seconds down (CancelTooEarly.secondsRemaining). */
function CancelButton({ orderId, refill = false, onChange }: { orderId: string; refill?: boolean; onChange: (o: OrderFieldsFragment) => void }) {
  const client = useClient();
  const now = useNow(250);
  const { busy, run } = useSingleFlight();
  const [lockedUntil, setLockedUntil] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const remaining = Math.ceil((lockedUntil - now) / 1000);
  const locked = remaining > 0;

  const cancel = () =>
    run(async () => {
      setMessage(null);
      const r = refill
        ? await client.mutation(CancelRefillDocument, { input: { orderId } }).toPromise()
        : await client.mutation(CancelDocument, { input: { orderId } }).toPromise();
      const answer = r.data ? ('cancelRefill' in r.data ? r.data.cancelRefill : r.data.cancelOrder) : undefined;
      if (!answer) return setMessage(describeRequestError(r.error));
      if (answer.__typename === 'CancelOrderPayload' || answer.__typename === 'CancelRefillPayload') {
        onChange(answer.order);
        if (refill) setMessage('Cancellation requested: the provider answers shortly.');
        return;
      }
      if (answer.__typename === 'CancelTooEarly') setLockedUntil(Date.now() + answer.secondsRemaining * 1000);
      setMessage(answer.__typename === 'CancelTooEarly' ? null : describeError(answer as TypedError));
    });

  return (
    <span className="action">
      <button type="button" className="danger" onClick={cancel} disabled={busy || locked} data-testid="cancel">
        {locked ? `Cancel (in ${remaining} s)` : busy ? 'Canceling…' : refill ? 'Cancel refill' : 'Cancel'}
      </button>
      {locked && (
        <span role="status" className="muted small" data-testid="cancel-wait">
          The provider allows cancelling in {remaining} s.
        </span>
      )}
      {message && (
        <span role="alert" className="error small">
          {message}
        </span>
      )}
    </span>
  );
}

function ActionButton({ label, orderId, kind, onChange }: { label: string; orderId: string; kind: 'resend' | 'complete'; onChange: (o: OrderFieldsFragment) => void }) {
  const client = useClient();
  const { busy, run } = useSingleFlight();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const act = () =>
    run(async () => {
      setMessage(null);
      if (kind === 'resend') {
        const r = await client.mutation(ResendDocument, { input: { orderId } }).toPromise();
        const a = r.data?.resendSms;
        if (!a) return setMessage({ text: describeRequestError(r.error) ?? '', error: true });
        if (a.__typename === 'ResendSmsPayload') return setMessage({ text: a.outcome.resent ? 'Asked for the SMS again.' : 'This platform does not resend SMS.', error: !a.outcome.resent });
        return setMessage({ text: describeError(a as TypedError), error: true });
      }
      const r = await client.mutation(CompleteDocument, { input: { orderId } }).toPromise();
      const a = r.data?.completeOrder;
      if (!a) return setMessage({ text: describeRequestError(r.error) ?? '', error: true });
      if (a.__typename === 'CompleteOrderPayload') return onChange(a.order);
      setMessage({ text: describeError(a as TypedError), error: true });
    });
  return (
    <span className="action">
      <button type="button" className="secondary" onClick={act} disabled={busy}>
        {busy ? '…' : label}
      </button>
      {message && (
        <span role={message.error ? 'alert' : 'status'} className={message.error ? 'error small' : 'muted small'}>
          {message.text}
        </span>
      )}
    </span>
  );
}

/** Premium credentials are fetched only when the owner asks (the gateway shows them to the owner only). */
function Credentials({ orderId, app, status }: { orderId: string; app: string; status: string }) {
  const [shown, setShown] = useState(false);
  const [result] = useQuery({ query: CredentialsDocument, variables: { id: orderId }, pause: !shown, requestPolicy: 'network-only' });
  const order = result.data?.order;
  const credentials = order && order.__typename === 'PremiumAppOrder' ? order.credentials : null;
  return (
    <div className="credentials">
      <p>
        <strong>{app}</strong>
      </p>
      {!shown ? (
        <button type="button" onClick={() => setShown(true)} disabled={status !== 'COMPLETED' && status !== 'ACTIVE'}>
          Reveal login
        </button>
      ) : result.fetching ? (
        <p className="muted">Loading…</p>
      ) : result.error ? (
        <p role="alert" className="error">
          {describeRequestError(result.error)}
        </p>
      ) : credentials ? (
        <>
          <dl className="facts" data-testid="credentials">
            {credentials.username && <Fragmentish term="Login" value={credentials.username} />}
            {credentials.password && <Fragmentish term="Password" value={credentials.password} />}
            {credentials.profile && <Fragmentish term="Profile" value={credentials.profile} />}
            {credentials.pin && <Fragmentish term="PIN" value={credentials.pin} />}
            {credentials.expiresAt && <Fragmentish term="Works until" value={new Date(credentials.expiresAt).toLocaleDateString()} />}
          </dl>
          <button type="button" className="secondary" onClick={() => setShown(false)}>
            Hide login
          </button>
        </>
      ) : (
        <p className="muted">Not delivered yet: this page updates when it is.</p>
      )}
    </div>
  );
}
