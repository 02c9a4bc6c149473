import { checkCronExpression } from './cron-expression';

describe('checkCronExpression', () => {
  it.each([
    '0 3 * * *',
    '*/15 * * * *',
    '5/15 * * * *',
    '0 0 1,15 * *',
    '30 2 * * MON-FRI',
    '0 6 * jan,Feb,MAR sun',
    '0 3 * * 7',
    '0 3 * * 0-7',
    '1-30/5 8-18/2 * * 1-5',
    '00 03 * * *',
    '0 0 29 2 *',
    '0 0 31 1-12 *',
    '  0 3 * * *  ',
  ])('accepts %j', (expression) => {
    expect(checkCronExpression(expression)).toBeNull();
  });

  it.each([
    ['', 'expected 5 fields'],
    ['0 3 * *', 'got 4'],
    ['0 0 3 * * *', 'got 6'],
    ['60 * * * *', 'minute field: 60 is outside 0–59'],
    ['0 24 * * *', 'hour field: 24 is outside 0–23'],
    ['0 0 0 * *', 'day of month field: 0 is outside 1–31'],
    ['0 0 * 13 *', 'month field: 13 is outside 1–12'],
    ['0 0 * * 8', 'day of week field: 8 is outside 0–7'],
    ['30-10 * * * *', 'runs backwards'],
    ['0 3 * * FRI-MON', 'runs backwards'],
    ['*/0 * * * *', 'step must be at least 1'],
    ['*/90 * * * *', 'step /90 is larger than the whole minute range'],
    ['0 3 * * FUNDAY', '"FUNDAY" is not a number or a name such as MON'],
    ['abc * * * *', '"abc" is not a number'],
    ['0 3 L * *', '"L" is not a number'],
    ['0 3 ? * *', '"?" is not valid'],
    ['0 3 * * 1#2', '"1#2" is not valid'],
    ['0 3 1,,2 * *', '"" is not valid'],
    ['0 0 31 2 *', 'day of month 31 never occurs'],
    ['0 0 30,31 2 *', 'day of month 30 never occurs'],
    ['0 0 31 4,6 *', 'day of month 31 never occurs'],
  ])('rejects %j', (expression, message) => {
    expect(checkCronExpression(expression)).toContain(message);
  });
});
