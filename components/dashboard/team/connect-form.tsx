/**
 * Connecting to the team database: what it shares and what it does not,
 * then the connection code from the supervisor, the user name and the
 * password. The host permission is asked for the database's origin only,
 * from the click itself (the browser wants a user gesture), before the
 * credentials are checked against the server.
 */
import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEAM_USER_PATTERN } from '../../../lib/team/documents';
import { CONNECTION_CODE_PREFIX, decodeConnectionCode } from '../../../lib/team/team-key';
import { teamErrorText } from './team-error';
import type { TeamServices } from './team-services';

type Field = 'code' | 'user' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function ConnectForm({ services }: { services: TeamServices }) {
  const { t } = useTranslation('team');
  const id = useId();
  const [code, setCode] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeField = useRef<HTMLTextAreaElement>(null);
  const userField = useRef<HTMLInputElement>(null);
  const passwordField = useRef<HTMLInputElement>(null);

  /** The code's database origin, or the field errors that stop the attempt. */
  const check = (): { origin: string; errors: FieldErrors } => {
    const found: FieldErrors = {};
    let origin = '';
    const trimmed = code.trim();
    if (trimmed === '') found.code = t('connect.errors.codeMissing');
    else if (!trimmed.startsWith(CONNECTION_CODE_PREFIX))
      found.code = t('connect.errors.codeNotOurs');
    else {
      try {
        origin = new URL(decodeConnectionCode(trimmed).url).origin;
      } catch {
        found.code = t('connect.errors.codeDamaged');
      }
    }
    if (user.trim() === '') found.user = t('connect.errors.userMissing');
    else if (!TEAM_USER_PATTERN.test(user.trim())) found.user = t('connect.errors.userInvalid');
    if (password === '') found.password = t('connect.errors.passwordMissing');
    return { origin, errors: found };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAlert(null);
    const checked = check();
    setErrors(checked.errors);
    const first = (['code', 'user', 'password'] as const).find((field) => checked.errors[field]);
    if (first) {
      const target = { code: codeField, user: userField, password: passwordField }[first];
      target.current?.focus();
      return;
    }
    const host = new URL(checked.origin).host;
    // Asked before any await: the permission prompt needs this click's gesture.
    let access: Promise<boolean>;
    try {
      access = services.requestHostAccess(checked.origin);
    } catch (error) {
      setAlert(t('connect.errors.permissionFailed', { host, message: errorText(error) }));
      return;
    }
    setBusy(true);
    void (async () => {
      try {
        let granted: boolean;
        try {
          granted = await access;
        } catch (error) {
          setAlert(t('connect.errors.permissionFailed', { host, message: errorText(error) }));
          return;
        }
        if (!granted) {
          setAlert(t('connect.errors.permissionDenied', { host }));
          return;
        }
        await services.connect({ code: code.trim(), user: user.trim(), password });
        // The section switches to the connected view; the password is not kept here either.
        setPassword('');
      } catch (error) {
        setAlert(t('connect.errors.failed', { message: teamErrorText(error, t) }));
      } finally {
        setBusy(false);
      }
    })();
  };

  const describedBy = (field: Field, help?: string) =>
    [help, errors[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(' ') ||
    undefined;
  const fieldError = (field: Field) =>
    errors[field] ? (
      <p className="field-error" id={`${id}-${field}-error`} data-testid={`team-${field}-error`}>
        {errors[field]}
      </p>
    ) : null;

  return (
    <>
      <section className="team-explainer" aria-labelledby={`${id}-what`}>
        <h3 id={`${id}-what`}>{t('explain.heading')}</h3>
        <p>{t('explain.intro')}</p>
        <ul data-testid="team-explainer">
          <li>{t('explain.shared')}</li>
          <li>{t('explain.notShared')}</li>
          <li>{t('explain.server')}</li>
          <li>{t('explain.colleagues')}</li>
          <li>{t('explain.supervisor')}</li>
          <li>{t('explain.leave')}</li>
        </ul>
      </section>

      <form
        className="team-form"
        aria-labelledby={`${id}-connect`}
        noValidate
        onSubmit={submit}
        data-testid="team-connect-form"
      >
        <h3 id={`${id}-connect`}>{t('connect.heading')}</h3>
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('connect.code')}</label>
          <p className="help" id={`${id}-code-help`}>
            {t('connect.codeHelp')}
          </p>
          <textarea
            id={`${id}-code`}
            ref={codeField}
            rows={3}
            spellCheck={false}
            autoComplete="off"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            aria-invalid={errors.code ? true : undefined}
            aria-describedby={describedBy('code', `${id}-code-help`)}
            data-testid="team-code"
          />
          {fieldError('code')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-user`}>{t('connect.user')}</label>
          <input
            id={`${id}-user`}
            ref={userField}
            type="text"
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={100}
            value={user}
            onChange={(event) => setUser(event.target.value)}
            aria-invalid={errors.user ? true : undefined}
            aria-describedby={describedBy('user')}
            data-testid="team-user"
          />
          {fieldError('user')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('connect.password')}</label>
          <input
            id={`${id}-password`}
            ref={passwordField}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={describedBy('password')}
            data-testid="team-password"
          />
          {fieldError('password')}
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy} data-testid="team-connect">
            {busy ? t('connect.connecting') : t('connect.submit')}
          </button>
        </div>
        <div aria-live="assertive">
          {alert && (
            <p className="notice notice-error" role="alert" data-testid="team-connect-error">
              {alert}
            </p>
          )}
        </div>
      </form>
    </>
  );
}
