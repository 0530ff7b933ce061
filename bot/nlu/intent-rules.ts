/**
 * Keyword rules over the folded text, written from the label definitions in shared/docs/intents.md (not from
 * classifier errors). They add log-odds to the statistical model's scores, so a clear cue wins on messages the
 * model never saw, while the model still decides between weak or competing cues.
 */
import { ENGLISH_DOMAIN, ENGLISH_RULES } from './intent-rules.en.js';
import type { IntentLabel, NluRole } from './labels.js';
import { createRuleIndex } from './rule-index.js';

export interface Rule {
  label: IntentLabel;
  re: RegExp;
  weight: number;
  /** Only for these roles (default: all). */
  roles?: readonly NluRole[];
}

const NOT_STAFF: readonly NluRole[] = ['resident', 'cadre'];
const STAFF: readonly NluRole[] = ['staff'];
const EVENT = '(ngay hoi|hoi thi|su kien|le \\w+|buoi \\w+|tong ket|so ket|hop mat|hoi nghi|chung khao|so khao|hoat dong)';
const OBJ = '(mo hinh|dien hinh|guong|giai phap|cong trinh)';
const OWN = '(em|toi|minh|tui|chung toi|chung em|bon minh|tui em|don vi|chi bo|doan|hoi|to)';
const r = (s: string) => new RegExp(s);

export const INTENT_RULES: readonly Rule[] = [
  // subscribe / unsubscribe
  { label: 'subscribe', re: r(`\\bnhan (tin|thong bao|thong tin|ban tin)\\b`), weight: 2.5, roles: NOT_STAFF },
  { label: 'subscribe', re: r(`\\btheo doi\\b`), weight: 3.5 },
  { label: 'subscribe', re: r(`\\b(muon|cho|xin) (\\w+ )?nhan (tin|thong bao|thong tin)\\b`), weight: 2 },
  { label: 'subscribe', re: r(`\\b(bao|nhac|thong bao|gui|bao tin|bao truoc) (cho )?(toi|minh|em|tui|chau|tao)\\b`), weight: 3, roles: NOT_STAFF },
  { label: 'subscribe', re: r(`\\bnhac (cho )?(toi|minh|em|tui|chau)\\b`), weight: 2, roles: NOT_STAFF },
  { label: 'subscribe', re: r(`\\b(bao|nhac) truoc\\b|\\bduoc bao tin\\b|\\bdang ky nhan\\b|\\bsubscribe\\b|\\bbat thong bao\\b`), weight: 3 },
  { label: 'subscribe', re: r(`\\b(thong bao|nhac)\\b`), weight: 1.5, roles: NOT_STAFF },
  { label: 'unsubscribe', re: r(`\\b(huy|bo|ngung|dung|tat|thoi|khoi) (dang ky )?(nhan|theo doi|gui|nhac|thong bao|bao)\\b`), weight: 5.5 },
  // Negated, the subscribe cues ("dang ky nhan tin") are the object of the cancellation, not a request.
  { label: 'subscribe', re: r(`\\b(huy|bo|ngung|dung|tat|thoi|khoi) (dang ky )?(nhan|theo doi|gui|nhac|thong bao|bao)\\b|\\bkhong (muon |can )?(nhan|bao|gui|nhac|theo doi)\\b.*\\bnua\\b`), weight: -4 },
  { label: 'unsubscribe', re: r(`\\bkhong (muon |can )?(nhan|bao|gui|nhac|theo doi)\\b.*\\bnua\\b`), weight: 5 },
  { label: 'unsubscribe', re: r(`\\b(unsubscribe|stop|spam)\\b|^(dung|thoi)$`), weight: 4.5 },
  { label: 'unsubscribe', re: r(`\\bhet muon\\b|\\bchan tin\\b`), weight: 5 },
  { label: 'subscribe', re: r(`\\bhet muon\\b|\\bchan tin\\b`), weight: -4 },
  // registrations
  { label: 'model.register', re: r(`\\b(dang ky|nop|gui|tao|lam|them) (\\w+ ){0,2}${OBJ}\\b`), weight: 3 },
  { label: 'model.register', re: r(`\\bmau (don|dang ky|ho so|bieu)\\b|\\b(ho so|mo hinh) moi\\b|\\btao ho so\\b`), weight: 3 },
  { label: 'model.register', re: r(`\\b(han|het han|qua han|muon nhat|cham nhat|con kip|tre han)\\b`), weight: -2 },
  { label: 'model.withdraw', re: r(`\\b(huy|rut|xoa|thu hoi|bo(?! sung)) (\\w+ ){0,2}(dang ky(?! nhan)|ho so|${OBJ})\\b`), weight: 5.5 },
  { label: 'model.withdraw', re: r(`\\brut (lai|ho so|dang ky)\\b|\\bkhong (dang ky|tham gia|lam)(?! duoc) (\\w+ ){0,3}nua\\b`), weight: 4 },
  { label: 'model.status', re: r(`\\bdvk-\\d{4}-`), weight: 2 },
  { label: 'model.status', re: r(`\\b(tra cuu|tinh trang|tien do)\\b`), weight: 3 },
  { label: 'model.status', re: r(`\\bkiem tra (\\w+ ){0,2}(ho so|mo hinh)\\b|\\b(mo hinh|ho so) da dang ky\\b`), weight: 3 },
  { label: 'model.status', re: r(`\\b(den dau|toi dau|buoc nao|the nao roi|sao roi|ra sao roi)\\b`), weight: 3.5 },
  { label: 'model.status', re: r(`\\b(duyet|cong nhan|tiep nhan) (chua|khong)\\b`), weight: 2.5 },
  { label: 'model.status', re: r(`\\b(tai sao|vi sao|sao|ly do)\\b.*\\b(tra ve|tra lai|tu choi|khong duoc|bi loai)\\b|\\b(tra ve|tra lai|tu choi)\\b.*\\b(ly do|tai sao|vi sao)\\b`), weight: 4.5 },
  { label: 'model.status', re: r(`\\bcan bo sung gi\\b|\\bbo sung gi\\b`), weight: 4 },
  { label: 'model.status', re: r(`\\bcua ${OWN}\\b.*\\bcong nhan\\b`), weight: 3 },
  { label: 'model.status', re: r(`\\b(mo hinh|ho so) ((ben|bon|tui|chung|don vi|chi bo) )?(em|toi|minh|tui)\\b.*\\b(cong nhan|duyet|tiep nhan)\\b`), weight: 3 },
  { label: 'model.edit', re: r(`\\b(sua|chinh sua|thay doi|doi|cap nhat|chuyen) (lai )?(ten|linh vuc|loai|mo ta|tom tat|nguoi lien he|so dien thoai|ngay bat dau|don vi thuc hien|tieu de|noi dung|muc tieu|anh|hinh anh|tai lieu)\\b`), weight: 4.5 },
  { label: 'model.edit', re: r(`\\b(cap nhat|bo sung|sua|thay|them) (\\w+ ){0,3}(cho|vao|trong) ho so\\b`), weight: 3.5 },
  { label: 'model.edit', re: r(`\\b(sua|chinh sua)\\b.*\\bho so\\b|\\bho so\\b.*\\bsua\\b|\\bsua theo\\b`), weight: 3 },
  { label: 'model.edit', re: r(`\\b(gui lai|nop lai|bo sung)\\b`), weight: 3 },
  { label: 'model.edit', re: r(`\\bdoi sang (ca nhan|tap the)\\b`), weight: 4 },
  { label: 'model.edit', re: r(`\\bbo sung gi\\b|\\b(thanh|la) (gi|nao)\\b`), weight: -3 },
  { label: 'model.edit', re: r(`\\bbo sung (\\w+ ){0,4}(cho|vao) ho so\\b`), weight: 2 },
  // reports and deadlines
  { label: 'report.submit', re: r(`\\b(nop|gui|upload|tai len|cap nhat) (\\w+ ){0,1}(bao cao|ket qua|so ket|tong ket|thanh tich)\\b`), weight: 4 },
  { label: 'report.submit', re: r(`\\bbao cao (ket qua|thanh tich)\\b`), weight: 3 },
  { label: 'deadline.query', re: r(`\\b(han chot|han cuoi|het han|qua han|thoi han|deadline|han nop|han dang ky)\\b`), weight: 4.5 },
  { label: 'deadline.query', re: r(`\\bcon (bao nhieu|may) ngay\\b|\\b(muon nhat|cham nhat|ngay cuoi|con kip|dong cong|lich nop|lich han)\\b`), weight: 4.5 },
  { label: 'deadline.query', re: r(`\\bhan\\b`), weight: 1.5 },
  { label: 'deadline.query', re: r(`\\b(den|toi|truoc|han) ngay nao\\b|\\bgia han\\b`), weight: 3 },
  { label: 'deadline.query', re: r(`\\b(dang ky|nop)\\b.*\\b(muon nhat|cham nhat|den bao gio|den ngay nao|truoc ngay nao)\\b`), weight: 2 },
  // A request to be reminded, or a question about an invite code, is not a deadline question.
  { label: 'deadline.query', re: r(`\\bnhac\\b|\\bma moi\\b|\\btai khoan\\b`), weight: -3 },
  // information
  { label: 'info.criteria', re: r(`\\b(tieu chi|tieu chuan|dieu kien|yeu cau|cham diem|thang diem|minh chung|giay to|dat chuan|dat yeu cau)\\b`), weight: 3.5 },
  { label: 'info.criteria', re: r(`\\bthe nao (thi|moi) (dat|duoc)\\b|\\bmoi duoc cong nhan\\b|\\bthe nao thi dat\\b`), weight: 3 },
  { label: 'info.definition', re: r(`\\b(la gi|nghia la|nghia gi|khac nhau|phan biet|khai niem|viet tat|la sao|hieu the nao|hieu la|giai thich)\\b`), weight: 3.5 },
  { label: 'info.definition', re: r(`\\bkhac (\\w+ ){1,3}(the nao|cho nao|o diem nao|sao|gi)\\b`), weight: 3.5 },
  { label: 'info.definition', re: r(`\\bgoi la\\b`), weight: 3 },
  { label: 'info.award', re: r(`\\b(giay khen|bang khen|ky niem chuong|khen thuong|tien thuong|giai thuong|phan thuong|gan bien|hinh thuc khen)\\b`), weight: 3 },
  { label: 'info.award', re: r(`\\bgiai (nhat|nhi|ba|khuyen khich|xuat sac)\\b`), weight: 1.5 },
  { label: 'info.award', re: r(`\\bduoc (nhan|thuong|trao|tang) (gi|nhung gi|cai gi)\\b`), weight: 3 },
  { label: 'info.criteria', re: r(`\\b(giay khen|bang khen|ky niem chuong|khen thuong)\\b|^(bo sung|sua)\\b`), weight: -2 },
  { label: 'info.award', re: r(`\\b(giai thuong|phan thuong|tien thuong)\\b|\\bnhung giai gi\\b`), weight: 2 },
  { label: 'info.award', re: r(`\\b(duoc )?(khen|thuong) (the )?gi\\b`), weight: 3.5 },
  { label: 'info.calendar', re: r(`\\bla ngay (gi|nao)\\b|\\bngay gi\\b|\\bky niem bao nhieu nam\\b|\\bmoc\\b`), weight: 4 },
  { label: 'info.calendar', re: r(`\\bngay (truyen thong|dan van)\\b|\\by nghia\\b`), weight: 2.5 },
  { label: 'info.calendar', re: r(`\\b(bat dau tu|tu bao gio|tu nam nao|ra doi|nam nao)\\b`), weight: 3.5 },
  { label: 'info.calendar', re: r(`\\bphong trao\\b.*\\b(bat dau|tu bao gio|nam nao|ra doi|co tu)\\b`), weight: 1.5 },
  { label: 'info.calendar', re: r(`\\b(thuong|hang nam|moi nam)\\b.*\\b(thang may|khi nao|luc nao|vao thang)\\b|\\b(thang may|khi nao|luc nao)\\b.*\\b(thuong|hang nam|moi nam)\\b`), weight: 4 },
  { label: 'info.calendar', re: r(`\\b\\d{1,2}/\\d{1,2}\\b.*\\b(y nghia|ngay gi|tai sao|la ngay)\\b|\\b(tai sao|vi sao) (lai )?chon \\d`), weight: 3 },
  { label: 'info.process', re: r(`\\b(quy trinh|cac buoc|trinh tu|cach thuc hoat dong)\\b`), weight: 4.5 },
  { label: 'info.process', re: r(`\\bai (la nguoi )?(duyet|tham dinh|xem xet|xet|cham)\\b|\\b(xong|roi) thi ai\\b`), weight: 4 },
  { label: 'info.process', re: r(`\\b(qua may cap|lam gi tiep|phai lam gi|sau khi|mat bao lau|di qua nhung ai|khao sat thuc te|len cap tren the nao)\\b`), weight: 3 },
  { label: 'info.process', re: r(`\\b(nhung|loai) bao cao (nao|gi)\\b`), weight: 4.5 },
  // "sau khi X thì sao": asking what happens after a step, not doing the step.
  { label: 'info.process', re: r(`\\bsau khi\\b.*\\b(thi sao|lam gi|the nao|ra sao|roi sao|tiep theo)\\b`), weight: 3 },
  { label: 'report.submit', re: r(`\\bsau khi\\b`), weight: -3 },
  { label: 'recognition.query', re: r(`\\b(danh sach|thong ke)\\b`), weight: 3.5 },
  { label: 'recognition.query', re: r(`\\btieu bieu\\b`), weight: 2.5 },
  { label: 'recognition.query', re: r(`\\b(khen|thuong) (the )?gi\\b`), weight: -2 },
  { label: 'recognition.query', re: r(`\\b(nhung|cac) (\\w+ ){0,2}nao (duoc|da duoc)\\b|\\bbao nhieu (\\w+ ){0,2}duoc (cong nhan|khen|tuyen duong|trao)\\b`), weight: 4 },
  { label: 'recognition.query', re: r(`\\b(doi|ai|don vi|phuong|to) nao (dat|duoc)\\b`), weight: 3.5 },
  { label: 'recognition.query', re: r(`\\bai duoc (trao|nhan) .*\\b(nam \\d{4}|o \\w+|nam (nay|ngoai|truoc))\\b`), weight: 4.5 },
  { label: 'recognition.query', re: r(`\\bdat giai\\b`), weight: 4 },
  { label: 'recognition.query', re: r(`\\bduoc (khen|tuyen duong|cong nhan)\\b`), weight: 2.5 },
  { label: 'unit.lookup', re: r(`\\b(thuoc|ve|la|vao) phuong (nao|gi|moi)\\b|\\bquan hay phuong\\b|\\bdon vi hanh chinh\\b`), weight: 5 },
  { label: 'unit.lookup', re: r(`\\b(quan|phuong|xa) \\w+( \\w+)? (con|van con) (khong|ton tai)\\b|\\bcon (quan|phuong|huyen) \\w+( \\w+)? (nua )?khong\\b|\\bdoi ten (thanh|la) (gi|nao)\\b`), weight: 4 },
  { label: 'unit.lookup', re: r(`\\bphuong (nao|gi)\\b|\\bsap nhap\\b|\\b(ve dau|thuoc dau|vao dau)\\b|\\bdoi ten\\b|\\bphuong (cu|moi)\\b`), weight: 2.5 },
  { label: 'contest.info', re: r(`\\b(du thi|doi thi|phan thi|the le|luat thi|tieu pham|chao hoi|cuoc thi|hinh thuc thi|vong so khao|thi kien thuc)\\b`), weight: 3 },
  { label: 'contest.info', re: r(`\\b(dang ky|tham gia|lap doi) (\\w+ ){0,1}(du thi|hoi thi|cuoc thi|thi)\\b|\\bhoi thi\\b.*\\b(gom|may phan|bao nhieu nguoi|ai duoc|the nao|o dau)\\b`), weight: 3.5 },
  // events
  { label: 'event.query', re: r(`\\b(bao gio|khi nao|ngay nao|hom nao|luc nao|thang may)\\b`), weight: 1.5 },
  { label: 'event.query', re: r(`\\bco (\\w+ ){0,4}${EVENT}\\b`), weight: 2 },
  { label: 'event.query', re: r(`\\b${EVENT}\\b.*\\b(la hom nao|la ngay nao|bao gio|khi nao|to chuc ngay nao)\\b`), weight: 2.5 },
  { label: 'event.query', re: r(`\\b(to chuc|dien ra)\\b`), weight: 1.5 },
  { label: 'event.query', re: r(`\\b(sap toi|dang dien ra|dai doan ket|lich (cac )?(su kien|ngay hoi|hoi thi))\\b`), weight: 2.5 },
  { label: 'event.detail', re: r(`\\b(may gio|may h|bat dau|ket thuc|khai mac|dia diem|dia chi|gui xe|de xe|chuong trinh|tiet muc|keo dai|phat truc tiep|truc tuyen|chi tiet|an mac|vao xem|vao du|di du|ai cung|tre con|khach moi|hoi truong|cu the)\\b`), weight: 3 },
  { label: 'event.detail', re: r(`\\b${EVENT} (do|nay)\\b|\\bhom do\\b`), weight: 1.5 },
  // Follow-ups about the event already in view: "bữa đó", "ở đó", invitations, gifts, parking for cars.
  { label: 'event.detail', re: r(`\\bco ai o do\\b`), weight: -3 },
  { label: 'event.detail', re: r(`\\b(bua|hom|buoi|o|cho|luc) do\\b|\\b(giay moi|phat qua|qua tang|o to|xe lan|phat bieu|dong phuc|ve vao|check in|an trua|nuoc uong|van nghe|tro choi|gian hang|cong nao|loi vao)\\b`), weight: 3 },
  // staff work
  { label: 'staff.broadcast_create', re: r(`\\b(soan|viet|tao|len|phat|gui) (\\w+ ){0,2}(thong bao|tin|tin nhan)\\b`), weight: 4, roles: STAFF },
  { label: 'staff.broadcast_create', re: r(`\\b(bao|thong bao|nhan tin|gui tin) (cho|toi|den) (ba con|nguoi dan|moi nguoi|can bo|cac|tat ca|dan|ca)\\b`), weight: 4, roles: STAFF },
  { label: 'staff.broadcast_create', re: r(`^(thong bao|bao cho|soan|gui tin|nhan tin|phat tin)\\b`), weight: 3, roles: STAFF },
  { label: 'staff.broadcast_create', re: r(`\\bthong bao\\b`), weight: 1.5, roles: STAFF },
  { label: 'staff.broadcast_list', re: r(`\\b(xem|danh sach|liet ke|kiem tra|xem lai) (\\w+ ){0,2}(thong bao|tin)\\b|\\blich (gui|phat) (tin|thong bao)\\b`), weight: 5, roles: STAFF },
  { label: 'staff.broadcast_list', re: r(`\\b(da gui|cho gui|cho duyet|da len lich|hen gio|da soan|bi loi)\\b`), weight: 3, roles: STAFF },
  { label: 'staff.broadcast_list', re: r(`\\b(thong bao|tin) nao\\b|\\bbao nhieu (thong bao|tin)\\b|\\b(thong bao|tin)\\b.*\\b(tuan truoc|hom qua|thang truoc|vua roi)\\b`), weight: 3, roles: STAFF },
  { label: 'staff.broadcast_list', re: r(`\\bgui (duoc|toi|den) bao nhieu\\b|\\b(tuan truoc|hom qua|thang truoc) (da )?gui\\b`), weight: 4.5, roles: STAFF },
  { label: 'staff.reminder_create', re: r(`\\bnhac\\b`), weight: 4, roles: STAFF },
  { label: 'staff.reminder_create', re: r(`\\b(dat|tao|cai|hen|lap|len) (\\w+ )?(lich |loi )?nhac\\b`), weight: 4, roles: STAFF },
  { label: 'staff.event_update', re: r(`\\b(doi|lui|hoan|huy|chuyen|sua|cap nhat|dich) (\\w+ ){0,3}${EVENT}\\b`), weight: 4, roles: STAFF },
  { label: 'staff.event_update', re: r(`\\b(doi|lui|hoan|huy|chuyen|sua|dich) (ngay|gio|thoi gian|dia diem)\\b|\\b(doi|lui|chuyen|dich) sang\\b`), weight: 3, roles: STAFF },
  { label: 'staff.event_update', re: r(`^(doi|lui|hoan|huy|chuyen|dich)\\b`), weight: 2, roles: STAFF },
  // "The main verb decides": a message that opens by announcing is a broadcast even if it mentions a change.
  { label: 'staff.event_update', re: r(`^(thong bao|bao cho|soan|gui tin|nhan tin|phat tin)\\b`), weight: -3, roles: STAFF },
  { label: 'event.detail', re: r(`\\b${EVENT} (doi|lui|hoan|chuyen) (ngay|sang|gio)\\b`), weight: 3, roles: NOT_STAFF },
  // account, small talk, hand-off, out of scope
  { label: 'account.link_help', re: r(`\\bma moi\\b`), weight: 2 },
  { label: 'account.link_help', re: r(`\\b(ma moi|lien ket|xac thuc|xac minh|kich hoat|tai khoan|khong nhan ra|ma 6 ky tu|gan lai don vi)\\b`), weight: 4.5 },
  { label: 'greeting', re: r(`^((em|chau|toi|minh) )?(xin )?(chao|hello|helo|hi|hey|alo)( (ad|admin|bot|ban|anh|chi|em|moi nguoi|buoi sang|buoi chieu|buoi toi|a|nhe|nha|alo|ca nha))*$`), weight: 7 },
  { label: 'greeting', re: r(`\\b(chao|hello|alo)\\b`), weight: 1 },
  // A hello with a wish attached ("chào ad, chúc một ngày tốt lành") is still only a hello.
  { label: 'greeting', re: r(`^((xin )?chao|alo|hello|hi)\\b.*\\bchuc\\b|^(xin )?chao ca nha\\b`), weight: 4 },
  { label: 'help', re: r(`\\b(huong dan|help|tro giup|chuc nang|cac lenh|menu|dung bot|ban la ai|khong biet dung)\\b`), weight: 4 },
  { label: 'help', re: r(`\\b(lam|giup|ho tro) duoc (gi|nhung gi|viec gi)\\b|\\b(ho tro|giup) (nhung )?(gi|viec gi)\\b|\\bhoi (nhung )?gi\\b|^giup( (toi|minh|em))?( voi)?$`), weight: 4 },
  { label: 'thanks', re: r(`\\bcam on\\b|\\bthank you\\b`), weight: 6 },
  { label: 'handoff.human', re: r(`\\b(nguoi that|noi chuyen|ket noi voi|goi dien|tong dai|hotline|nguoi phu trach|nhan vien|tu van vien|nguoi tu van|ho tro truc tiep|can bo phu trach|can bo truc)\\b`), weight: 4 },
  { label: 'handoff.human', re: r(`\\bco ai (truc|o do|khong)\\b`), weight: 2 },
  { label: 'handoff.human', re: r(`\\bgap (can bo|nguoi|nhan vien|admin)\\b|\\bco ai (truc|o do|khong)\\b|\\bchuyen (cho|sang) (nhan vien|nguoi|can bo)\\b|\\blien he (voi )?(ban|can bo)\\b`), weight: 4 },
  // Issue 16 contrasts. "Where / how do I register" for the movement is a registration, not contest information.
  { label: 'model.register', re: r(`\\b(dang ky|ghi danh|nop ho so|ghi ten)\\b(?! (nhan|theo doi|du thi|doi))( \\w+){0,5} (o dau|cho nao|the nao|lam sao|nhu the nao)\\b`), weight: 2.5, roles: ['cadre', 'staff'] },
  { label: 'model.register', re: r(`\\bphong trao\\b.*\\b(dang ky|ghi danh)\\b|\\b(dang ky|ghi danh|tham gia)\\b.*\\bphong trao\\b`), weight: 2, roles: ['cadre', 'staff'] },
  { label: 'contest.info', re: r(`\\bphong trao\\b`), weight: -1.5 },
  // "Tell me when …": "cứ có ngày hội là nhắn mình", "nhắn tôi khi có lễ".
  { label: 'subscribe', re: r(`\\bnhan (tin )?(cho )?(toi|minh|em|tui) (khi|neu|moi khi|nhe|nha|voi)\\b|\\bco (\\w+ ){0,4}(la|thi) (bao|nhan|nhac|gui tin)\\b`), weight: 3.5, roles: ['resident', 'cadre'] },
  { label: 'model.register', re: r(`\\b(phong trao|dan van kheo|mo hinh)\\b.*\\b(dang ky|ghi danh)\\b (\\w+ )?(o dau|cho nao)\\b`), weight: 2.5 },
  // Obligation questions ("có phải nộp … không", "bắt buộc", "hàng quý") ask about the process, not file a report.
  { label: 'info.process', re: r(`\\b(co phai|bat buoc|co can|phai|co bat buoc) (nop |gui |lam )?(\\w+ ){0,2}(bao cao|bc|so ket|tong ket)\\b.*\\b(khong|hay)\\b`), weight: 4.5 },
  { label: 'info.process', re: r(`\\b(hang quy|hang thang|dinh ky|theo quy|moi quy|bat buoc hay|hay tu nguyen|hay chi|hay phai|chi nop)\\b`), weight: 2.5 },
  { label: 'report.submit', re: r(`\\b(co phai|bat buoc|co can|co bat buoc)\\b|\\b(hang quy|dinh ky|hay chi|hay phai|chi nop)\\b`), weight: -3 },
  // "Would a model with few participants be recognised?" asks the criteria, not one's own registration.
  { label: 'info.criteria', re: r(`\\b(mo hinh|ho so) (\\w+ ){1,4}co (duoc|the duoc) (cong nhan|xet)\\b`), weight: 3 },
  // A wrong value in a filed registration is an edit, whoever it names.
  { label: 'model.edit', re: r(`\\b(nham|ghi sai|go sai|nhap sai|dien sai|chon sai|bi sai|sai roi|sai chinh ta|sai 1 so)\\b`), weight: 3.5 },
  { label: 'handoff.human', re: r(`\\b(nham|sai)\\b.*\\b(nguoi lien he|nguoi phu trach)\\b|\\b(nguoi lien he|nguoi phu trach)\\b.*\\b(doi|sai|cap nhat)\\b|\\b(doi|sua|cap nhat|thay) (\\w+ )?(nguoi phu trach|nguoi lien he)\\b`), weight: -4 },
  { label: 'model.edit', re: r(`\\b(doi|sua|cap nhat|thay) (lai )?(nguoi phu trach|email|dia chi|so ho|so thanh vien)\\b|\\bviet lai\\b|\\bcon thieu\\b`), weight: 3.5 },
  { label: 'model.status', re: r(`\\b(mo hinh|ho so)\\b.*\\bco ket qua\\b|\\bket qua xet\\b`), weight: 3 },
  { label: 'info.process', re: r(`\\bmay vong\\b|\\bcon phai lam gi\\b`), weight: 3 },
  { label: 'info.criteria', re: r(`\\bxac nhan cua\\b`), weight: 3 },
  { label: 'event.query', re: r(`\\bco (chuong trinh|hoat dong|su kien|le) (gi|nao)\\b|\\bco (lam|to chuc) (le|ngay hoi|hoi thi)\\b|\\b(phuong|o) \\w+( \\w+)? (lam|to chuc) gi\\b`), weight: 2.5 },
  { label: 'recognition.query', re: r(`\\b(la )?doi nao\\b|\\bgiai (nhat|nhi|ba) .*\\bla ai\\b`), weight: 3.5 },
  { label: 'help', re: r(`\\bcau lenh\\b|\\bthi (go|nhan) (the nao|gi)\\b|\\b(go|nhan) gi de\\b`), weight: 4 },
  // A year from the movement's history ("15/10/1930") asks what the date is, not what happens this year.
  { label: 'info.calendar', re: r(`\\b(19\\d\\d)\\b`), weight: 3 },
  // "ngày hội năm 2023 ở Hàng Trống": an event of a given year (past ones included) in a place.
  { label: 'event.query', re: r(`\\b(ngay hoi|hoi thi|le tuyen duong|le tong ket) nam (20\\d\\d|nay|ngoai|truoc|sau)\\b`), weight: 2 },
  { label: 'account.link_help', re: r(`\\bcode moi\\b`), weight: 4 },
  // Counting recognitions ("bao nhiêu giấy khen phường được") asks who/what was recognised, not the award rules.
  { label: 'recognition.query', re: r(`\\b(bao nhieu|may|tong so|so luong|dem|so)\\b (\\w+ ){0,2}(giay khen|bang khen|ky niem chuong|mo hinh|dien hinh)\\b(?! (can|phai|moi))`), weight: 3.5 },
  { label: 'info.award', re: r(`\\b(bao nhieu|may|tong so|so luong|dem)\\b (\\w+ ){0,2}(giay khen|bang khen)\\b`), weight: -3 },
  // The meaning of a date ("15/10 là ngày gì") is calendar knowledge, not an events listing.
  { label: 'info.calendar', re: r(`\\b(ky niem (gi|su kien gi)|ngay le|ngay truyen thong gi|co y nghia|y nghia gi|la ngay truyen thong)\\b`), weight: 3 },
  { label: 'event.query', re: r(`\\b(la ngay gi|ngay gi|y nghia|ky niem gi|ngay le|vi sao|tai sao)\\b`), weight: -2 },
  { label: 'out_of_scope', re: r(`\\b(can cuoc|cccd|cmnd|tam tru|khai sinh|cu tru|xe may|gia vang|thoi tiet|bong da|ngap|den duong|thu gom|rac|tien dien|tien nuoc|vay von|vay tien|hang xom|lan chiem|ke chuyen|chu tich|ho khau|so do|hat khong|lam viec may gio|gio lam viec|ket hon|khai tu|ho chieu|bang lai|tiem phong|vac xin|mat nuoc|mat dien|quat|chu tich nuoc)\\b`), weight: 4 },
  ...ENGLISH_RULES,
];

/** Words that show a message is about the movement at all; without any, out_of_scope is likely. */
const DOMAIN = r(
  `\\b(dan van|kheo|mo hinh|ho so|dang ky|ngay hoi|hoi thi|su kien|le|thong bao|tin|nhac|bao cao|so ket|tong ket|cong nhan|khen|giai|tieu chi|phuong|quan|han|ma|tai khoan|bot|admin|chao|hello|hi|alo|cam on|giup|huong dan|dien hinh|giai phap|cong trinh|phong trao|thi|can bo|nguoi|dvk-|theo doi|stop|ok|sua|rut|huy|menu|help|${ENGLISH_DOMAIN})\\b`,
);

/** Only the rules a message can match are tested (see rule-index.ts); the others cannot add anything. */
const RULE_INDEX = createRuleIndex(INTENT_RULES.map((rule) => rule.re.source));
let seenStamp = 0;
/** Label positions resolved once, so scoring does no map lookups. */
let labelPositions: Int32Array | undefined;

export function ruleScores(text: string, role: NluRole, out: Float64Array, index: ReadonlyMap<IntentLabel, number>): boolean {
  let fired = false;
  seenStamp++;
  const positions = (labelPositions ??= Int32Array.from(INTENT_RULES, (r) => index.get(r.label) ?? -1));
  RULE_INDEX.mark(text, seenStamp);
  const seen = RULE_INDEX.marks;
  // Rules are applied in their written order (always-tested rules carry the stamp -1).
  for (let c = 0; c < INTENT_RULES.length; c++) {
    if (seen[c] !== seenStamp && seen[c] !== -1) continue;
    const rule = INTENT_RULES[c]!;
    if (rule.roles && !rule.roles.includes(role)) continue;
    if (!rule.re.test(text)) continue;
    const i = positions[c]!;
    if (i < 0) continue;
    out[i]! += rule.weight;
    if (rule.weight > 0) fired = true;
  }
  if (!fired && !DOMAIN.test(text)) {
    const oos = index.get('out_of_scope');
    if (oos !== undefined) out[oos] = (out[oos] ?? 0) + 3;
  }
  if (role !== 'staff') {
    // Only staff compose broadcasts, set reminders or move events; for others these readings are impossible.
    for (const label of ['staff.broadcast_create', 'staff.broadcast_list', 'staff.reminder_create', 'staff.event_update'] as const) {
      const i = index.get(label);
      if (i !== undefined) out[i] = (out[i] ?? 0) - 6;
    }
  }
  return fired;
}
