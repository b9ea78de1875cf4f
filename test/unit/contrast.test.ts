import { describe, expect, it } from 'vitest';
import {
  brandingContrastIssues,
  contrastRatio,
  formatRatio,
  nearestPassing,
  onPrimaryText,
} from '../../src-shared/contrast.js';

const hsl = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  const h = d === 0 ? 0 : max === r ? (((g - b) / d) % 6) * 60 : max === g
    ? ((b - r) / d + 2) * 60 : ((r - g) / d + 4) * 60;
  return { h: (h + 360) % 360, l: (max + min) / 2 };
};

describe('contrast ratio', () => {
  it('matches the values WCAG tools show for known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(formatRatio(contrastRatio('#777777', '#ffffff'))).toBe('4.47:1');
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    // Order does not matter.
    expect(contrastRatio('#2f5bd3', '#ffffff')).toBe(contrastRatio('#ffffff', '#2f5bd3'));
  });
});

describe('nearest passing colour', () => {
  it('keeps a colour that already passes', () => {
    expect(nearestPassing('#1B1F24', '#ffffff')).toBe('#1b1f24');
  });

  it('darkens a grey on white by the least step that passes', () => {
    const fixed = nearestPassing('#777777', '#ffffff');
    expect(fixed).toBe('#767676');
  });

  it('keeps the hue and passes AA, on light and on dark grounds', () => {
    for (const [text, bg] of [['#ff8800', '#ffffff'], ['#3355aa', '#101418'],
      ['#9ab0ff', '#c8d4ff']]) {
      const fixed = nearestPassing(text, bg)!;
      expect(contrastRatio(fixed, bg)).toBeGreaterThanOrEqual(4.5);
      expect(Math.abs(hsl(fixed).h - hsl(text).h)).toBeLessThan(4);
    }
  });

  it('picks the direction with the smaller change of lightness', () => {
    // Mid grey on mid grey: lighter or darker both work; dark-ish text goes darker.
    const fixed = nearestPassing('#555555', '#777777')!;
    expect(hsl(fixed).l).toBeLessThan(hsl('#555555').l);
    expect(contrastRatio(fixed, '#777777')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('branding contrast issues', () => {
  it('says nothing for the default branding', () => {
    expect(brandingContrastIssues({
      primaryColor: '#2f5bd3', backgroundColor: '#ffffff', textColor: '#1b1f24',
    })).toEqual([]);
  });

  it('flags grey text on white with a fix that passes', () => {
    const issues = brandingContrastIssues({
      primaryColor: '#2f5bd3', backgroundColor: '#ffffff', textColor: '#999999',
    });
    expect(issues.map((i) => i.check)).toEqual(['text']);
    expect(issues[0].message).toContain('2.84:1');
    expect(issues[0].fix?.field).toBe('textColor');
    expect(contrastRatio(issues[0].fix!.value, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('flags a primary that links or button text cannot be read on', () => {
    const issues = brandingContrastIssues({
      primaryColor: '#ffd43b', backgroundColor: '#ffffff', textColor: '#1b1f24',
    });
    expect(issues.map((i) => i.check)).toEqual(['link']);
    const fixed = issues[0].fix!;
    expect(fixed.field).toBe('primaryColor');
    expect(contrastRatio(fixed.value, '#ffffff')).toBeGreaterThanOrEqual(4.5);

    // A mid blue where neither white nor dark text reaches 4.5:1.
    const mid = brandingContrastIssues({
      primaryColor: '#1c7ed6', backgroundColor: '#ffffff', textColor: '#1b1f24',
    });
    const onPrimary = mid.find((i) => i.check === 'on-primary')!;
    expect(onPrimary.fix?.field).toBe('primaryColor');
    const fixedPrimary = onPrimary.fix!.value;
    expect(contrastRatio(onPrimaryText(fixedPrimary), fixedPrimary)).toBeGreaterThanOrEqual(4.5);
  });

  it('ignores colours that are not valid yet', () => {
    expect(brandingContrastIssues({
      primaryColor: '#2f5', backgroundColor: '#ffffff', textColor: '#eeeeee',
    })).toEqual([]);
  });
});
