import { describe, expect, it } from 'vitest';
import { detectDateOrder, fullYear, parseDateCell } from '../../../shared/inventory/csv/dates';

describe('detectDateOrder', () => {
  it('reads the order from a day above 12, a year first, or falls back to French', () => {
    expect(detectDateOrder(['4/5/16', '25/03/2016'])).toEqual({ order: 'dmy', from: 'data' });
    expect(detectDateOrder(['4/5/16', '4/25/16', ''])).toEqual({ order: 'mdy', from: 'data' });
    expect(detectDateOrder(['2016-04-05', '2019/12/31'])).toEqual({ order: 'ymd', from: 'data' });
    expect(detectDateOrder(['4/5/16', '01/02/2020', 'n/a'])).toEqual({
      order: 'dmy',
      from: 'default',
    });
    // The majority wins over a stray typo.
    expect(detectDateOrder(['12/31/19', '11/30/19', '13/01/20'])).toEqual({
      order: 'mdy',
      from: 'data',
    });
  });
});

describe('parseDateCell', () => {
  it('reads each order, two-digit years as Excel does, and an optional time', () => {
    expect(parseDateCell('4/5/16', 'dmy')).toEqual({ ok: true, value: '2016-05-04' });
    expect(parseDateCell('4/5/16', 'mdy')).toEqual({ ok: true, value: '2016-04-05' });
    expect(parseDateCell('16/04/05', 'ymd')).toEqual({ ok: true, value: '2016-04-05' });
    expect(parseDateCell('4/5/2016 0:00', 'mdy')).toEqual({ ok: true, value: '2016-04-05' });
    expect(parseDateCell('12/31/2019 12:00 AM', 'mdy')).toEqual({ ok: true, value: '2019-12-31' });
    expect(parseDateCell('2016-04-05T10:00:00', 'mdy')).toEqual({ ok: true, value: '2016-04-05' });
    expect(parseDateCell('25.03.2024')).toEqual({ ok: true, value: '2024-03-25' });
    expect(parseDateCell('')).toEqual({ ok: true, value: null });
    expect([fullYear('29'), fullYear('30'), fullYear('99'), fullYear('2031')]).toEqual([
      2029, 1930, 1999, 2031,
    ]);
  });

  it('reads an Excel date serial with a warning, and refuses what is no date', () => {
    expect(parseDateCell('42465')).toEqual({
      ok: true,
      value: '2016-04-05',
      warning: 'date lue comme un numéro de série Excel (42465 = 05/04/2016) : vérifiez-la',
    });
    expect(parseDateCell('31/02/2024')).toEqual({
      ok: false,
      message: 'date « 31/02/2024 » inexistante',
    });
    expect(parseDateCell('bientôt', 'mdy')).toEqual({
      ok: false,
      message: 'date « bientôt » illisible (MM/JJ/AAAA attendu)',
    });
  });
});
