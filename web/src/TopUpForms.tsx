import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useClient } from 'urql';
import { graphql } from './gql';
import { describeError, describeRequestError, formatMoney, newIdempotencyKey, thaiMobileProblem, type TypedError } from './format';
import { navigate, useSingleFlight } from './hooks';
import type { Service } from './Catalog';

const RefillDocument = graphql(`
  mutation StorefrontRefill($input: RefillMobileInput!) {
    refillMobile(input: $input) {
      __typename
      ... on RefillMobilePayload { order { id status } }
      ... on Error { code message }
      ... on ProviderFailure { provider }
      ... on RateLimited { retryAfterSeconds }
      ... on ServiceUnavailable { unavailableForSeconds: retryAfterSeconds }
      ... on FxRateUnavailable { pair }
      ... on ValidationError { field }
      ... on NotFound { resource }
    }
  }
`);

const TopUpGameDocument = graphql(`
  mutation StorefrontTopUpGame($input: TopUpGameInput!) {
    topUpGame(input: $input) {
      __typename
      ... on TopUpGamePayload { order { id status } }
      ... on Error { code message }
      ... on ProviderFailure { provider }
      ... on RateLimited { retryAfterSeconds }
      ... on ServiceUnavailable { unavailableForSeconds: retryAfterSeconds }
      ... on FxRateUnavailable { pair }
      ... on ValidationError { field }
      ... on NotFound { resource }
    }
  }
`);

const SocialBoostDocument = graphql(`
  mutation StorefrontSocialBoost($input: OrderSocialBoostInput!) {
    orderSocialBoost(input: $input) {
      __typename
      ... on OrderSocialBoostPayload { order { id status } }
      ... on Error { code message }
      ... on ProviderFailure { provider }
      ... on RateLimited { retryAfterSeconds }
      ... on ServiceUnavailable { unavailableForSeconds: retryAfterSeconds }
      ... on FxRateUnavailable { pair }
      ... on ValidationError { field }
      ... on NotFound { resource }
    }
  }
`);

const PremiumDocument = graphql(`
  mutation StorefrontBuyPremium($input: BuyPremiumAppInput!) {
    buyPremiumApp(input: $input) {
      __typename
      ... on BuyPremiumAppPayload { order { id status } }
      ... on Error { code message }
      ... on ProviderFailure { provider }
      ... on RateLimited { retryAfterSeconds }
      ... on ServiceUnavailable { unavailableForSeconds: retryAfterSeconds }
      ... on FxRateUnavailable { pair }
      ... on ValidationError { field }
      ... on NotFound { resource }
    }
  }
`);

type Answer = { __typename: string; order?: { id: string } } & TypedError;

/** Shared submit: new idempotency key per submit, single flight, errors as sentences, then to the order page. */
function useSubmit() {
  const { busy, run } = useSingleFlight();
  const [error, setError] = useState<string | null>(null);
  const submit = (send: (idempotencyKey: string) => Promise<{ answer: Answer | undefined; error: Parameters<typeof describeRequestError>[0] }>) =>
    run(async () => {
      setError(null);
      const { answer, error: requestError } = await send(newIdempotencyKey());
      if (!answer) return setError(describeRequestError(requestError));
      if (answer.order) return navigate('order', answer.order.id);
      setError(describeError(answer));
    });
  return { busy, error, submit };
}

function FormShell({ title, busy, error, onSubmit, children, submitLabel, canSubmit = true }: { title: string; busy: boolean; error: string | null; onSubmit: () => void; children: ReactNode; submitLabel: string; canSubmit?: boolean }) {
  const handle = (event: FormEvent) => {
    event.preventDefault();
    if (canSubmit) onSubmit();
  };
  return (
    <form className="topup" onSubmit={handle} aria-label={title} noValidate>
      {children}
      <div className="actions">
        <button type="submit" disabled={busy || !canSubmit} aria-busy={busy}>
          {busy ? 'Ordering…' : submitLabel}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

export function TopUpForm({ service }: { service: Service }) {
  switch (service.details.__typename) {
    case 'MobileTopupServiceDetails':
      return <RefillForm service={service} network={service.details.network} amounts={service.details.amounts} />;
    case 'GameTopupServiceDetails':
      return <GameForm service={service} fields={service.details.fields} />;
    case 'SocialBoostServiceDetails':
      return <SocialForm service={service} min={service.details.minQuantity} max={service.details.maxQuantity} unit={service.details.unitQuantity} />;
    case 'PremiumAppServiceDetails':
      return <PremiumForm service={service} />;
    default:
      return null;
  }
}

function RefillForm({ service, network, amounts }: { service: Service; network: string; amounts: readonly string[] }) {
  const client = useClient();
  const id = useId();
  const [phone, setPhone] = useState('');
  const [touched, setTouched] = useState(false);
  const [amount, setAmount] = useState(amounts[0] ?? '');
  const { busy, error, submit } = useSubmit();
  const problem = thaiMobileProblem(phone);
  const showProblem = problem !== null && (touched || phone.length > 0);
  return (
    <FormShell
      title={`Refill ${network}`}
      busy={busy}
      error={error}
      submitLabel={`Refill ${amount ? formatMoney({ amount, currency: 'THB' }) : ''}`}
      canSubmit={problem === null && amount !== ''}
      onSubmit={() =>
        submit(async (idempotencyKey) => {
          const r = await client.mutation(RefillDocument, { input: { network, phoneNumber: phone.replace(/[\s-]/g, ''), amount, idempotencyKey } }).toPromise();
          return { answer: r.data?.refillMobile as Answer | undefined, error: r.error };
        })
      }
    >
      <p className="muted small">Network: {network} ({service.name})</p>
      <label className="field" htmlFor={`${id}-phone`}>
        <span>Thai mobile number</span>
      </label>
      <input
        id={`${id}-phone`}
        type="tel"
        inputMode="tel"
        autoComplete="tel-national"
        placeholder="081 234 5678"
        value={phone}
        aria-invalid={showProblem}
        aria-describedby={`${id}-phone-help`}
        onChange={(e) => setPhone(e.target.value)}
        onBlur={() => setTouched(true)}
      />
      <p id={`${id}-phone-help`} className={showProblem ? 'error small' : 'muted small'} aria-live="polite">
        {showProblem ? problem : problem === null ? '✓ Valid Thai mobile number' : 'e.g. 0812345678 or +66812345678'}
      </p>
      <label className="field">
        <span>Amount (THB)</span>
        <select value={amount} onChange={(e) => setAmount(e.target.value)}>
          {amounts.map((a) => (
            <option key={a} value={a}>
              {formatMoney({ amount: a, currency: 'THB' })}
            </option>
          ))}
        </select>
      </label>
    </FormShell>
  );
}

function GameForm({ service, fields }: { service: Service; fields: readonly string[] }) {
  const client = useClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const { busy, error, submit } = useSubmit();
  const complete = fields.every((f) => (values[f] ?? '').trim() !== '');
  return (
    <FormShell
      title={`Top up ${service.name}`}
      busy={busy}
      error={error}
      submitLabel="Top up"
      canSubmit={complete}
      onSubmit={() =>
        submit(async (idempotencyKey) => {
          const topupInfo = fields.map((field) => ({ field, value: (values[field] ?? '').trim() }));
          const r = await client.mutation(TopUpGameDocument, { input: { packageId: service.key, topupInfo, idempotencyKey } }).toPromise();
          return { answer: r.data?.topUpGame as Answer | undefined, error: r.error };
        })
      }
    >
      {fields.map((field) => (
        <label className="field" key={field}>
          <span>{fieldLabel(field)}</span>
          <input value={values[field] ?? ''} onChange={(e) => setValues({ ...values, [field]: e.target.value })} required />
        </label>
      ))}
    </FormShell>
  );
}

function fieldLabel(field: string): string {
  const known: Record<string, string> = { gameid: 'Game ID', userid: 'User ID', server: 'Server', zoneid: 'Zone ID', openid: 'Open ID', roleid: 'Character ID' };
  return known[field.toLowerCase()] ?? field.charAt(0).toUpperCase() + field.slice(1);
}

function SocialForm({ service, min, max, unit }: { service: Service; min: number; max: number; unit: number }) {
  const client = useClient();
  const id = useId();
  const [link, setLink] = useState('');
  const [quantity, setQuantity] = useState(String(min));
  const { busy, error, submit } = useSubmit();
  const q = Number(quantity);
  const quantityProblem = !/^\d+$/.test(quantity) ? 'Enter a whole number.' : q < min ? `At least ${min}.` : q > max ? `At most ${max}.` : null;
  const linkProblem = link === '' ? null : /^https?:\/\/\S+\.\S+/.test(link) ? null : 'Paste the full link, starting with https://';
  return (
    <FormShell
      title={`Boost with ${service.name}`}
      busy={busy}
      error={error}
      submitLabel="Order boost"
      canSubmit={link !== '' && !linkProblem && !quantityProblem}
      onSubmit={() =>
        submit(async (idempotencyKey) => {
          const r = await client.mutation(SocialBoostDocument, { input: { optionId: service.key, link, quantity: q, idempotencyKey } }).toPromise();
          return { answer: r.data?.orderSocialBoost as Answer | undefined, error: r.error };
        })
      }
    >
      <label className="field">
        <span>Link to the post or profile</span>
        <input type="url" value={link} placeholder="https://…" aria-invalid={!!linkProblem} aria-describedby={`${id}-link`} onChange={(e) => setLink(e.target.value)} />
      </label>
      <p id={`${id}-link`} className={linkProblem ? 'error small' : 'visually-hidden'} aria-live="polite">
        {linkProblem ?? ''}
      </p>
      <label className="field">
        <span>
          Quantity ({min}–{max}; price is per {unit})
        </span>
        <input type="number" inputMode="numeric" min={min} max={max} value={quantity} aria-invalid={!!quantityProblem} aria-describedby={`${id}-qty`} onChange={(e) => setQuantity(e.target.value)} />
      </label>
      <p id={`${id}-qty`} className={quantityProblem ? 'error small' : 'visually-hidden'} aria-live="polite">
        {quantityProblem ?? ''}
      </p>
    </FormShell>
  );
}

function PremiumForm({ service }: { service: Service }) {
  const client = useClient();
  const { busy, error, submit } = useSubmit();
  return (
    <FormShell
      title={`Buy ${service.name}`}
      busy={busy}
      error={error}
      submitLabel="Buy account"
      onSubmit={() =>
        submit(async (idempotencyKey) => {
          const r = await client.mutation(PremiumDocument, { input: { serviceId: service.key, idempotencyKey } }).toPromise();
          return { answer: r.data?.buyPremiumApp as Answer | undefined, error: r.error };
        })
      }
    >
      <p className="muted small">The account’s login appears on the order page, for you only.</p>
    </FormShell>
  );
}
