// The notice's data model lives in shared/ so the renderer's preview and these builders read the
// same types.
export type { LetterData, NoticeBid, NoticeData, NoticeWording } from '../../../shared/notice-data';
