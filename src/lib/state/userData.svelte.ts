/** The reader's own points (if any): shared by the import panel and the map layer. Never curated data. */
import type { DataError } from '../data/schema';
import type { UserPoint } from '../data/userData';

class UserData {
  file = $state<string | null>(null);
  points = $state.raw<UserPoint[]>([]);
  errors = $state.raw<DataError[]>([]);
  rejected = $state(0);
  clear() {
    this.file = null;
    this.points = [];
    this.errors = [];
    this.rejected = 0;
  }
}
export const userData = new UserData();
