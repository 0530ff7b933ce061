import { describe, expect, it } from 'vitest';
import { matchOptionReply } from '../../../bot/conversation/option-reply.js';

const offered = [
  { label: 'Người dân theo dõi phường', value: 'aud:residents' },
  { label: 'Cán bộ các đơn vị', value: 'aud:cadres' },
  { label: 'Cả hai', value: 'aud:both' },
];

describe('matchOptionReply', () => {
  it.each([
    ['2', 'aud:cadres'],
    ['2.', 'aud:cadres'],
    ['số 3', 'aud:both'],
    ['chon 1', 'aud:residents'],
    ['ca hai', 'aud:both'],
    ['CẢ HAI', 'aud:both'],
    ['can bo', 'aud:cadres'],
    ['２', 'aud:cadres'],
    ['số ３', 'aud:both'],
    ['cái thứ 2', 'aud:cadres'],
    ['cái thứ hai', 'aud:cadres'],
    ['thứ ba', 'aud:both'],
    ['option 1', 'aud:residents'],
  ])('maps "%s" to %s', (text, value) => {
    expect(matchOptionReply(text, offered)?.value).toBe(value);
  });

  it.each(['4', '0', 'gửi đi', 'c', '', 'cái thứ tư', 'hai'])('does not treat "%s" as a choice', (text) => {
    expect(matchOptionReply(text, offered)).toBeNull();
  });

  it('needs options on offer', () => {
    expect(matchOptionReply('1', null)).toBeNull();
  });
});
