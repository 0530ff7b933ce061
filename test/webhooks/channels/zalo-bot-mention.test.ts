import { describe, expect, it } from 'vitest';
import { stripZaloBotMention } from '../../../webhooks/channels/zalo-bot-mention.js';

describe('stripZaloBotMention', () => {
  it('removes the configured name wherever it is, whatever the case and marks', () => {
    expect(stripZaloBotMention('@Dân Vận Khéo lịch ngày hội', 'Dân vận khéo')).toBe('lịch ngày hội');
    expect(stripZaloBotMention('cho hỏi @dan van kheo, lịch ngày hội', 'Dân vận khéo')).toBe('cho hỏi lịch ngày hội');
    expect(stripZaloBotMention('@Dân vận khéo: /help', 'Dân vận khéo')).toBe('/help');
  });
  it('cuts the name only at a word boundary', () => {
    expect(stripZaloBotMention('@Dân vận khéo léo ơi', 'Dân vận khéo')).toBe('léo ơi');
    expect(stripZaloBotMention('hỏi @Dân vận khéoo', 'Dân vận khéo')).toBe('hỏi @Dân vận khéoo');
  });
  it('without a name removes a leading one-word mention only', () => {
    expect(stripZaloBotMention('@dvk lịch ngày hội')).toBe('lịch ngày hội');
    expect(stripZaloBotMention('lịch ngày hội @dvk')).toBe('lịch ngày hội @dvk');
    expect(stripZaloBotMention('lịch ngày hội')).toBe('lịch ngày hội');
  });
});
