import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Messages } from '../../i18n/index.ts';
import { fold, type Prepared, type PreparedClass } from './prepared.ts';

/**
 * The filter bar of <slotkit-class-list> (a title search, and a host and a place select where the
 * data has two or more) and the one rule that applies it and the date strip's day.
 */

/** What the visitor narrowed the list to; '' for "all". */
export interface ClassFilters {
  query: string;
  resource: string;
  place: string;
  /** yyyy-MM-dd in the zone. */
  day: string;
}

export interface FiltersView {
  t: Messages['classList'];
  resources: Prepared['resources'];
  places: Prepared['places'];
  filters: ClassFilters;
  onQueryInput: (event: Event) => void;
  onResourceChange: (event: Event) => void;
  onPlaceChange: (event: Event) => void;
}

export function visibleClasses(
  upcoming: PreparedClass[],
  { query, resource, place, day }: ClassFilters,
): PreparedClass[] {
  const needle = fold(query);
  if (!needle && !resource && !place && !day) return upcoming;
  return upcoming.filter(
    (item) =>
      (!resource || item.group.resource?.id === resource) &&
      (!place || item.place === place) &&
      (!day || item.day === day) &&
      (!needle || item.key.includes(needle)),
  );
}

export function renderFilters(view: FiltersView): TemplateResult {
  const { t, resources, places, filters } = view;
  return html`<div part="filters" class="filters" role="group" aria-label=${t.filtersLabel}>
    <label class="field search-field">
      ${t.titleFilter}
      <input
        part="title-filter"
        type="search"
        autocomplete="off"
        placeholder=${t.searchPlaceholder}
        .value=${live(filters.query)}
        @input=${view.onQueryInput}
      />
    </label>
    ${
      resources.length > 1
        ? html`<label class="field">
            ${t.resourceFilter}
            <select
              part="resource-filter"
              .value=${live(filters.resource)}
              @change=${view.onResourceChange}
            >
              <option value="" ?selected=${filters.resource === ''}>${t.allResources}</option>
              ${repeat(
                resources,
                (resource) => resource.id,
                (resource) =>
                  html`<option value=${resource.id} ?selected=${resource.id === filters.resource}>
                    ${resource.name}
                  </option>`,
              )}
            </select>
          </label>`
        : nothing
    }
    ${
      places.length > 1
        ? html`<label class="field">
            ${t.placeFilter}
            <select part="place-filter" .value=${live(filters.place)} @change=${view.onPlaceChange}>
              <option value="" ?selected=${filters.place === ''}>${t.allPlaces}</option>
              ${places.map(
                (place) =>
                  html`<option value=${place} ?selected=${place === filters.place}>
                    ${place}
                  </option>`,
              )}
            </select>
          </label>`
        : nothing
    }
  </div>`;
}
