// Times in the local time zone on a 24-hour clock, with their age beside them: "09:14, 12 min ago".
import { localeTags, locale, t } from './i18n.svelte';

export function clockTime(iso: string): string {
  const date = new Date(iso);
  const sameDay = new Date().toDateString() === date.toDateString();
  return new Intl.DateTimeFormat(localeTags[locale.language], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
  }).format(date);
}

export function age(iso: string, now: Date = new Date()): string {
  const minutes = Math.floor((now.getTime() - new Date(iso).getTime()) / 60000);
  if (minutes < 1) return t('age-now');
  if (minutes < 60) return t('age-minutes', { minutes });
  if (minutes < 60 * 24) return t('age-hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return t('age-days', { days: Math.floor(minutes / (60 * 24)) });
}

export function timeWithAge(iso: string, now: Date = new Date()): string {
  return `${clockTime(iso)}, ${age(iso, now)}`;
}

export function duration(startIso: string, endIso: string): string {
  return durationSeconds(Math.round((new Date(endIso).getTime() - new Date(startIso).getTime()) / 1000));
}

export function durationSeconds(total: number): string {
  const seconds = Math.max(0, total);
  if (seconds < 60) return t('duration-seconds', { seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('duration-minutes', { minutes });
  return t('duration-hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
