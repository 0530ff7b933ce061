import type { LanguageService } from '../../bot/features/first-contact/first-contact-services.js';
import type { Db } from '../../runtime/database.js';

/** chat_user.locale + locale_chosen, on the turn's transaction. */
export function createLanguageService(db: Db): LanguageService {
  return {
    async choose(userId, locale) {
      await db.chatUser.update({ where: { id: userId }, data: { locale, localeChosen: true } });
    },
  };
}
