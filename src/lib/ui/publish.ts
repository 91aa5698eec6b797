/**
 * What a published view says (embed header, PNG/SVG, citation): the headline, description, notes
 * and byline (the reader's or generated), and the source line of what the overlays draw. One
 * function so every output says the same.
 */
import type { AppState } from '../state/app.svelte';
import type { OverlayModel } from '../overlays/model.svelte';
import type { Derived } from '../state/derived.svelte';
import { tDynamic as t } from '../i18n/i18n.svelte';
import { periodText } from '../overlays/format';
import { publishedText, type Published } from '../export/headline';
import { sourceLine, sourceNames } from '../export/sourceLine';
import { summaryText } from './summary';

export interface PublishedView {
  text: Published;
  /** "Sources: …" (publishers of the data drawn, in the UI language). */
  sources: string;
  /** The same publishers as a list (the citation). */
  publishers: string[];
  summary: string;
}

export function publishedView(app: AppState, model: OverlayModel, derived: Derived): PublishedView {
  const summary = summaryText({
    period: periodText(app.window, app.lang),
    metric: app.metric,
    headline: derived.headline,
    phrases: model.summary,
    lang: app.lang,
    t,
  });
  const catalog = app.data?.catalog.sources ?? [];
  return {
    text: publishedText(app.text, { metric: app.metric, window: app.window, lang: app.lang, summary }),
    sources: sourceLine(model.credits, catalog, t),
    publishers: sourceNames(model.credits, catalog, t),
    summary,
  };
}
