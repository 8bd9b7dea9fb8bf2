import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { Messages } from '../../i18n/messages.ts';
import { chevron, check, globe } from './icons.ts';
import type { ZoneMatches } from './zones.ts';

/**
 * The time-zone row of <slotkit-slot-picker>: a button showing the zone, and the chooser it
 * opens, a popover with a search box (a WAI-ARIA combobox) over a listbox of matching zones,
 * moved through with aria-activedescendant while focus stays in the box. The picker owns the
 * state and the popover; zones.ts does the searching.
 */
export interface ZoneView {
  t: Messages['slotPicker'];
  locale: string;
  open: boolean;
  /** The zone times are shown in. */
  zone: string;
  /** The owner's `time-zone`, which may be invalid (then `zone` is the detected one). */
  timeZone: string;
  zoneLabel: (zone: string) => string;
  query: string;
  matches: ZoneMatches;
  /** Index of the highlighted match. */
  activeZone: number;
  onTrigger: () => void;
  onInput: (event: InputEvent) => void;
  onKeydown: (event: KeyboardEvent) => void;
  pick: (zone: string) => void;
}

/** Zones shown at once in the search list; the rest are a few keystrokes away. */
export const ZONE_LIMIT = 50;

const STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };

/** What a key in the search box does: move the highlight by some steps, pick it, or nothing. */
export function zoneKeyAction(key: string): number | 'pick' | undefined {
  if (key === 'Enter') return 'pick';
  return Object.hasOwn(STEPS, key) ? STEPS[key] : undefined;
}

export function renderTimeZone(view: ZoneView): TemplateResult {
  const { t, open } = view;
  const invalid = Boolean(view.timeZone) && view.zone !== view.timeZone;
  return html`<div part="timezone" class="timezone">
    <button
      id="tz-trigger"
      type="button"
      part="timezone-button"
      class="timezone-button"
      aria-haspopup="dialog"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="tz-popover"
      aria-describedby=${invalid ? 'tz-error' : nothing}
      @click=${view.onTrigger}
    >
      ${globe}
      <span class="timezone-text">
        <span part="timezone-label" class="timezone-label">${t.timeZone}</span>
        <span part="timezone-value" class="timezone-value">${view.zoneLabel(view.zone)}</span>
      </span>
      ${chevron('down')}
    </button>
    ${
      invalid
        ? html`<p id="tz-error" part="timezone-error" class="error">
            ${t.invalidTimeZone(view.timeZone, view.zoneLabel(view.zone))}
          </p>`
        : nothing
    }
    <div
      id="tz-popover"
      part="popover"
      class=${classMap({ popover: true, open })}
      popover="manual"
      role="dialog"
      aria-label=${t.chooseTimeZone}
    >
      ${open ? renderZoneSearch(view) : nothing}
    </div>
  </div>`;
}

function renderZoneSearch(view: ZoneView): TemplateResult {
  const { t } = view;
  const { matches, total } = view.matches;
  const hint =
    total === 0
      ? t.noTimeZoneMatch(view.query)
      : total > matches.length
        ? t.moreTimeZones(matches.length, total, view.locale)
        : t.timeZoneHint;
  return html`<label for="tz-input" class="search-label">${t.searchTimeZones}</label>
    <input
      id="tz-input"
      part="timezone-search"
      class="search"
      type="text"
      role="combobox"
      autocomplete="off"
      spellcheck="false"
      placeholder=${t.timeZonePlaceholder}
      aria-autocomplete="list"
      aria-expanded=${matches.length > 0 ? 'true' : 'false'}
      aria-controls="tz-listbox"
      aria-activedescendant=${matches.length > 0 ? `tz-opt-${view.activeZone}` : nothing}
      aria-describedby="tz-hint"
      .value=${view.query}
      @input=${view.onInput}
      @keydown=${view.onKeydown}
    />
    <ul
      id="tz-listbox"
      role="listbox"
      part="timezone-list"
      class="zone-list"
      aria-label=${t.timeZones}
      tabindex="-1"
      ?hidden=${matches.length === 0}
      @mousedown=${(event: Event) => event.preventDefault()}
    >
      ${matches.map((entry, index) => {
        const active = index === view.activeZone;
        const current = entry.id === view.zone;
        const parts = ['timezone-option'];
        if (active) parts.push('timezone-option-active');
        if (current) parts.push('timezone-option-current');
        return html`<li
          id="tz-opt-${index}"
          role="option"
          part=${parts.join(' ')}
          class=${classMap({ 'zone-option': true, active, current })}
          aria-selected=${active ? 'true' : 'false'}
          @click=${() => view.pick(entry.id)}
        >
          <span class="zone-city">${entry.city}</span>
          <span class="zone-name">${entry.name}</span>
          ${
            current
              ? html`${check}<span class="visually-hidden">(${t.currentTimeZone})</span>`
              : nothing
          }
        </li>`;
      })}
    </ul>
    <p id="tz-hint" part="timezone-hint" class="hint">${hint}</p>`;
}
