// The words for each drawn state: shown beside the icon and read out by screen readers.
import type { DisplayState, OverallState, StepView } from './backend';
import { t } from './i18n.svelte';

export function stateLabel(step: Pick<StepView, 'state' | 'rawState'>): string {
  return step.state === 'unknown' ? t('state-unknown', { raw: step.rawState }) : t(`state-${step.state}`);
}

/** The header draws the cycle with the step icon closest in meaning. */
export function overallIcon(state: OverallState): DisplayState {
  return state === 'resumed' ? 'completed' : state;
}
