import type { CadreServices } from '../../bot/features/cadre/cadre-services.js';
import type { Db } from '../../runtime/database.js';
import { cadreIdFor, loadCadreProfile } from './cadre-identity.store.js';
import { createLinkingService } from './cadre-linking.store.js';
import { createNotificationService } from './cadre-notifications.store.js';
import { createRegistrationService } from './cadre-registrations.store.js';
import { createReviewService } from './cadre-review.store.js';
import type { TurnChatUser } from './turn-chat-user.js';

/** Prisma-backed services for the cadre and reviewer features, on the turn's transaction. */
export function createCadreServices(db: Db, chatUser?: TurnChatUser): CadreServices {
  return {
    cadre: {
      async profile(user, now) {
        const cadreId = await cadreIdFor(db, user, chatUser);
        return cadreId ? loadCadreProfile(db, cadreId, now) : null;
      },
      linking: createLinkingService(db, chatUser),
      registrations: createRegistrationService(db),
      review: createReviewService(db),
      notifications: createNotificationService(db),
    },
  };
}
