// Pages and feeds write dates the same ways (naive times meaning Asia/Ho_Chi_Minh included): one parser for both.
export { DEFAULT_TIME_ZONE, parseFeedDate as parsePublishedDate } from '../feeds/feed-date';
