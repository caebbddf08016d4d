import { describe, expect, it } from 'vitest';
import { type BarDatum, chartSummary, layoutBars, niceCeil, scaleMax, shareOf, ticks } from './charts';
import { byCountBars, labelledBars, regionYearBars, splitRegionYear, yearBars } from './monitorData';

const words = { fewerThanFive: 'minder dan 5', hidden: 'verborgen', noData: 'Geen gegevens.' };

describe('niceCeil / scaleMax / ticks', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceCeil(0)).toBe(1);
    expect(niceCeil(1)).toBe(1);
    expect(niceCeil(3)).toBe(5);
    expect(niceCeil(5)).toBe(5);
    expect(niceCeil(6)).toBe(10);
    expect(niceCeil(11)).toBe(20);
    expect(niceCeil(213)).toBe(500);
  });

  it('never scales below the suppression band, and treats "<5" as at most 4', () => {
    expect(scaleMax(['<5'])).toBe(5);
    expect(scaleMax(['<5', '<5'], 5)).toBe(5);
    expect(scaleMax([12, '<5'])).toBe(20);
    expect(scaleMax([])).toBe(5);
  });

  it('makes whole-number ticks from zero to the top', () => {
    expect(ticks(5)).toEqual([0, 2, 4]);
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(500)).toEqual([0, 200, 400]);
  });
});

describe('layoutBars', () => {
  const data: BarDatum[] = [
    { key: 'a', label: 'Lokaal team', value: 20 },
    { key: 'b', label: 'Ouders', value: '<5' },
    { key: 'c', label: 'GI', value: 10 },
  ];

  it('scales bars to the top of the scale and stacks them with labels above', () => {
    const g = layoutBars(data, { width: 413 });
    expect(g.max).toBe(20);
    const [a, b, c] = g.bars;
    // plot width = 413 - 1 - 12 = 400
    expect(a?.width).toBe(400);
    expect(c?.width).toBe(200);
    expect(a && b && a.y < b.y).toBe(true);
    expect(a && a.labelY < a.y).toBe(true);
    expect(g.height).toBeGreaterThan(c ? c.y + c.height : 0);
  });

  it('draws a suppressed count as a band over 1…4, labelled "<5", never as a number', () => {
    const g = layoutBars(data, { width: 413 });
    const b = g.bars[1];
    expect(b?.suppressed).toBe(true);
    expect(b?.valueText).toBe('<5');
    expect(b?.width).toBe((4 / 20) * 400);
    expect(g.hasSuppressed).toBe(true);
  });

  it('writes the value after the bar, or inside its end when there is no room', () => {
    const g = layoutBars(data, { width: 413 });
    const [a, , c] = g.bars;
    expect(a?.valueInside).toBe(true);
    expect(a && a.valueX < a.x + a.width).toBe(true);
    expect(c?.valueInside).toBe(false);
    expect(c && c.valueX > c.x + c.width).toBe(true);
  });

  it('keeps every value text inside the drawing on a phone', () => {
    const g = layoutBars(
      [
        { key: 'x', label: 'x', value: 999 },
        { key: 'y', label: 'y', value: 990 },
      ],
      { width: 300 },
    );
    for (const bar of g.bars) {
      const end = bar.valueInside ? bar.valueX : bar.valueX + bar.valueText.length * 8;
      expect(end).toBeLessThanOrEqual(300);
    }
  });

  it('puts a heading above each group', () => {
    const g = layoutBars(
      [
        { key: 'r1 2024', label: '2024', value: 6, group: 'IJmond' },
        { key: 'r1 2025', label: '2025', value: 7, group: 'IJmond' },
        { key: 'r2 2025', label: '2025', value: '<5', group: 'West-Friesland' },
      ],
      { width: 400 },
    );
    expect(g.groups.map((x) => x.label)).toEqual(['IJmond', 'West-Friesland']);
    const [g1, g2] = g.groups;
    const third = g.bars[2];
    expect(g1 && g2 && third && g1.y < g2.y && g2.y < third.labelY).toBe(true);
  });

  it('has an axis with ticks within the width', () => {
    const g = layoutBars(data, { width: 413 });
    expect(g.ticks.map((t) => t.value)).toEqual([0, 5, 10, 15, 20]);
    expect(g.ticks.at(-1)?.x).toBe(401);
    expect(g.axisY).toBeLessThan(g.height);
  });

  it('handles an empty chart', () => {
    const g = layoutBars([], { width: 300 });
    expect(g.bars).toEqual([]);
    expect(g.max).toBe(5);
    expect(g.height).toBeGreaterThan(0);
  });
});

describe('a hidden count', () => {
  it('has no bar and no guessed size, only its marker, and the chart says so', () => {
    const g = layoutBars(
      [
        { key: 'a', label: 'Lokaal team', value: 'hidden' },
        { key: 'b', label: 'Ouders', value: '<5' },
      ],
      { width: 400, hiddenText: 'verborgen' },
    );
    expect(g.bars[0]).toMatchObject({ hidden: true, suppressed: false, width: 0, valueText: 'verborgen' });
    expect(g.bars[1]).toMatchObject({ hidden: false, suppressed: true, valueText: '<5' });
    expect(g.hasHidden).toBe(true);
    expect(scaleMax(['hidden'])).toBe(5);
  });

  it('is read out as hidden and blocks a percentage', () => {
    expect(chartSummary('School', [{ key: 'nee', label: 'Nee', value: 'hidden' }], words)).toBe(
      'School. Nee: verborgen.',
    );
    expect(
      shareOf('nee', [
        { key: 'nee', label: 'Nee', value: 'hidden' },
        { key: 'ja', label: 'Ja', value: 9 },
      ]),
    ).toBeNull();
  });
});

describe('chartSummary and shareOf', () => {
  it('reads every bar out, a suppressed one as "minder dan 5"', () => {
    expect(
      chartSummary(
        'Wie meldde aan',
        [
          { key: 'a', label: 'Lokaal team', value: 20 },
          { key: 'b', label: 'Ouders', value: '<5' },
        ],
        words,
      ),
    ).toBe('Wie meldde aan. Lokaal team: 20; Ouders: minder dan 5.');
    expect(chartSummary('Leeg', [], words)).toBe('Leeg. Geen gegevens.');
    expect(chartSummary('Per regio', [{ key: 'k', label: '2025', value: 7, group: 'IJmond' }], words)).toBe(
      'Per regio. IJmond 2025: 7.',
    );
  });

  it('gives a percentage only when every count is known', () => {
    const known: BarDatum[] = [
      { key: 'ja', label: 'Ja', value: 15 },
      { key: 'nee', label: 'Nee', value: 5 },
    ];
    expect(shareOf('nee', known)).toBe(25);
    expect(shareOf('nee', [...known, { key: 'onbekend', label: '?', value: '<5' }])).toBeNull();
    expect(shareOf('missing', known)).toBeNull();
  });
});

describe('monitor data', () => {
  it('splits "region year" on the last space', () => {
    expect(splitRegionYear('Alkmaar (Noord-Kennemerland) 2025')).toEqual({
      region: 'Alkmaar (Noord-Kennemerland)',
      year: '2025',
    });
  });

  it('groups region × year in the order of the regions, years ascending', () => {
    const bars = regionYearBars({
      'West-Friesland 2025': '<5',
      'Amsterdam-Amstelland 2025': 9,
      'Amsterdam-Amstelland 2024': 12,
    });
    expect(bars.map((b) => `${b.group}|${b.label}|${b.value}`)).toEqual([
      'Amsterdam-Amstelland|2024|12',
      'Amsterdam-Amstelland|2025|9',
      'West-Friesland|2025|<5',
    ]);
  });

  it('labels and orders known keys and keeps unknown ones', () => {
    const bars = labelledBars({ onbekend: '<5', nee: 6, ja: 14, raar: 5 }, { ja: 'Ja', nee: 'Nee' }, [
      'ja',
      'nee',
      'onbekend',
    ]);
    expect(bars.map((b) => b.label)).toEqual(['Ja', 'Nee', 'onbekend', 'raar']);
  });

  it('sorts years and counts', () => {
    expect(yearBars({ '2025': 5, '2024': '<5' }).map((b) => b.key)).toEqual(['2024', '2025']);
    expect(byCountBars({ a: '<5', b: 7, c: 12 }).map((b) => b.key)).toEqual(['c', 'b', 'a']);
  });
});
