/**
 * The companion's browser code. It talks only to the portal's /companion/api endpoints, with
 * the device token from this phone's storage, and renders answers with textContent only.
 */

const DEVICE_KEY = 'desk.companion.device';
const ALWAYS_HERE_KEY = 'desk.companion.always-here';
const POLL_MS = 3_000;
const POSITION_TIMEOUT_MS = 10_000;

interface Attempt {
  attempt: string;
  who: string;
  at: string;
  browser: string | null;
  place: string | null;
  numbers: number[];
}

interface Position {
  latitude: number;
  longitude: number;
  accuracy: number;
}

type Answer<T> = { ok: boolean; status: number; data?: T; message?: string };

/** Runs the companion inside `root` until the page closes. */
export function startCompanion(root: HTMLElement): void {
  const views = root.querySelectorAll<HTMLElement>('[data-view]');
  const message = root.querySelector<HTMLElement>('[data-message]')!;
  const list = root.querySelector<HTMLUListElement>('[data-attempts]')!;
  const template = document.querySelector<HTMLTemplateElement>('[data-attempt-template]')!;
  const autoTried = new Set<string>();
  const shown = new Set<string>();

  const show = (name: string) =>
    views.forEach((view) => (view.hidden = view.dataset.view !== name));
  const say = (text: string) => (message.textContent = text);

  async function api<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const device = localStorage.getItem(DEVICE_KEY);
    if (device) headers['x-desk-device'] = device;
    if (body !== undefined) headers['content-type'] = 'application/json';

    const response = await fetch(`/companion/api/${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    }).catch(() => null);
    if (!response) return { ok: false, status: 0, message: 'Geen verbinding / No connection' };

    const json = await response.json().catch(() => ({}));
    return {
      ok: response.ok,
      status: response.status,
      data: json.data,
      message: json.error?.message,
    };
  }

  async function newDevice(): Promise<void> {
    const created = await api<{ deviceToken: string; phrase: string; phraseExpiresAt: string }>(
      'POST',
      'devices',
    );
    if (!created.ok || !created.data) {
      say(created.message ?? 'Dat lukte niet. / That did not work.');
      return;
    }
    localStorage.setItem(DEVICE_KEY, created.data.deviceToken);
    showPhrase(created.data.phrase, created.data.phraseExpiresAt);
  }

  function showPhrase(phrase: string, expiresAt: string | null) {
    root.querySelector('[data-phrase]')!.textContent = phrase;
    root.querySelector('[data-phrase-expires]')!.textContent = expiresAt ? time(expiresAt) : '';
    show('phrase');
  }

  async function tick(): Promise<void> {
    if (!localStorage.getItem(DEVICE_KEY)) return newDevice();

    const me = await api<{
      paired: boolean;
      user?: { email: string };
      phrase?: string;
      phraseExpiresAt?: string;
    }>('GET', 'devices/me');
    if (me.status === 401 || me.status === 404) {
      localStorage.removeItem(DEVICE_KEY);
      return newDevice();
    }
    if (!me.ok || !me.data) return void say(me.message ?? '');

    if (!me.data.paired) {
      // A phrase lasts ten minutes; an unpaired device without one starts afresh.
      if (!me.data.phrase) {
        localStorage.removeItem(DEVICE_KEY);
        return newDevice();
      }
      return showPhrase(me.data.phrase, me.data.phraseExpiresAt ?? null);
    }

    root.querySelector('[data-paired-email]')!.textContent = me.data.user?.email ?? '';
    show('paired');
    const attempts = await api<Attempt[]>('GET', 'attempts');
    if (attempts.ok) await renderAttempts(attempts.data ?? []);
  }

  async function renderAttempts(attempts: Attempt[]): Promise<void> {
    const waiting = new Set(attempts.map((item) => item.attempt));
    for (const item of list.querySelectorAll<HTMLElement>('[data-attempt]')) {
      if (!waiting.has(item.dataset.attempt!)) {
        item.remove();
        shown.delete(item.dataset.attempt!);
      }
    }
    for (const attempt of attempts) {
      if (shown.has(attempt.attempt)) continue;
      if (await approvedHere(attempt)) continue;
      list.append(attemptItem(attempt));
      shown.add(attempt.attempt);
    }
    root.querySelector<HTMLElement>('[data-empty]')!.hidden = list.children.length > 0;
  }

  /** Inside a remembered area the cms may approve by itself; it decides, the phone only asks. */
  async function approvedHere(attempt: Attempt): Promise<boolean> {
    if (localStorage.getItem(ALWAYS_HERE_KEY) !== '1' || autoTried.has(attempt.attempt))
      return false;
    autoTried.add(attempt.attempt);

    const position = await currentPosition();
    if (!position) return false;
    const answer = await api('POST', `attempts/${encodeURIComponent(attempt.attempt)}/auto`, {
      position,
    });
    if (answer.ok) say('Automatisch goedgekeurd op deze plek. / Approved here automatically.');
    return answer.ok;
  }

  function attemptItem(attempt: Attempt): HTMLElement {
    const item = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
    item.dataset.attempt = attempt.attempt;
    item.querySelector('[data-who]')!.textContent = attempt.who;
    item.querySelector('[data-when]')!.textContent = time(attempt.at);
    item.querySelector('[data-browser]')!.textContent = attempt.browser ?? '–';
    item.querySelector('[data-place]')!.textContent = attempt.place ?? '–';

    const numbers = item.querySelector('[data-numbers]')!;
    for (const number of attempt.numbers) {
      const label = document.createElement('label');
      label.className = 'number-choice';
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = `number-${attempt.attempt}`;
      input.value = String(number);
      label.append(input, document.createTextNode(String(number)));
      numbers.append(label);
    }

    item
      .querySelector('[data-approve]')!
      .addEventListener('click', () => decide(item, attempt, 'approve'));
    item
      .querySelector('[data-deny]')!
      .addEventListener('click', () => decide(item, attempt, 'deny'));
    return item;
  }

  async function decide(item: HTMLElement, attempt: Attempt, decision: 'approve' | 'deny') {
    const picked = item.querySelector<HTMLInputElement>('input[type=radio]:checked');
    if (decision === 'approve' && !picked) {
      return say('Kies eerst het getal. / Pick the number first.');
    }
    const alwaysHere = item.querySelector<HTMLInputElement>('[data-always-here]')!.checked;
    const position = decision === 'approve' && alwaysHere ? await currentPosition() : null;
    if (alwaysHere && decision === 'approve' && !position) {
      say('Je locatie is niet beschikbaar; alleen deze keer goedgekeurd. / Location unavailable.');
    }

    const answer = await api('POST', `attempts/${encodeURIComponent(attempt.attempt)}`, {
      decision,
      number: picked ? Number(picked.value) : undefined,
      ...(position ? { position, alwaysHere } : {}),
    });
    if (!answer.ok) return say(answer.message ?? 'Dat lukte niet. / That did not work.');

    if (position && alwaysHere) localStorage.setItem(ALWAYS_HERE_KEY, '1');
    item.remove();
    shown.delete(attempt.attempt);
    say(decision === 'approve' ? 'Goedgekeurd. / Approved.' : 'Geweigerd. / Denied.');
  }

  async function loop() {
    await tick().catch(() => say('Geen verbinding / No connection'));
    window.setTimeout(loop, POLL_MS);
  }

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker
      .register('/companion-sw.js', { scope: '/companion' })
      .catch(() => undefined);
  }
  void loop();
}

function currentPosition(): Promise<Position | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      ({ coords }) =>
        resolve({
          latitude: coords.latitude,
          longitude: coords.longitude,
          accuracy: coords.accuracy,
        }),
      () => resolve(null),
      { timeout: POSITION_TIMEOUT_MS, maximumAge: 60_000 },
    );
  });
}

function time(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleString('nl-NL', { dateStyle: 'medium', timeStyle: 'short' });
}
