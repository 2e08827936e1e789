import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import StepIcon from './StepIcon.svelte';
import icons from '../lib/step-icons.json';
import type { DisplayState } from '../lib/backend';
import { unionMembers } from '../test-fixtures';

afterEach(() => cleanup());

const table = icons as Record<string, { paint: string; d: string }[]>;
const states = Object.keys(table) as DisplayState[];

function drawnPaths(svg: Element): string[] {
  return [...svg.querySelectorAll('path')].map((path) => path.getAttribute('d') ?? '');
}

describe('StepIcon', () => {
  it('has an icon for exactly the states the backend can send', () => {
    expect([...states].sort()).toEqual(unionMembers('DisplayState').sort());
  });

  it.each(states)('draws %s from step-icons.json with its label', (state) => {
    const label = `label for ${state}`;
    render(StepIcon, { props: { state, label } });

    const svg = screen.getByRole('img', { name: label });
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg).toHaveAttribute('aria-label', label);
    expect(svg.querySelector('title')?.textContent).toBe(label);
    expect(svg).toHaveAttribute('data-state', state);
    expect(svg).toHaveAttribute('width', '20');
    expect(svg).toHaveAttribute('height', '20');

    const expected = table[state];
    expect(expected.length).toBeGreaterThan(0);
    expect(drawnPaths(svg)).toEqual(expected.map((p) => p.d));
    // Svelte adds its scoping class; the paint class must be there too.
    [...svg.querySelectorAll('path')].forEach((path, index) => {
      expect(path).toHaveClass(expected[index].paint);
    });
  });

  it('draws a different icon for every state', () => {
    const drawings = new Map<string, string>();
    for (const state of states) {
      const { container, unmount } = render(StepIcon, { props: { state, label: state } });
      const drawing = JSON.stringify(
        [...container.querySelectorAll('svg path')].map((path) => [
          [...path.classList].filter((name) => !name.startsWith('svelte-')).join(' '),
          path.getAttribute('d'),
        ]),
      );
      expect(drawings.get(drawing), `${state} looks the same as ${drawings.get(drawing)}`).toBeUndefined();
      drawings.set(drawing, state);
      unmount();
    }
    expect(drawings.size).toBe(states.length);
  });

  it('gives every state its own geometry, so shape alone tells them apart', () => {
    const byShape = new Map<string, string[]>();
    for (const state of states) {
      const shape = JSON.stringify(table[state].map((p) => p.d));
      byShape.set(shape, [...(byShape.get(shape) ?? []), state]);
    }
    const shared = [...byShape.values()].filter((group) => group.length > 1);
    expect(shared).toEqual([]);
  });

  it('falls back to the unknown shape for a state it was not built for', () => {
    render(StepIcon, { props: { state: 'paused' as DisplayState, label: 'unknown state: paused', size: 22 } });
    const svg = screen.getByRole('img', { name: 'unknown state: paused' });
    expect(drawnPaths(svg)).toEqual(table.unknown.map((p) => p.d));
    expect(svg).toHaveAttribute('width', '22');
  });
});
