import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { readTable, UnreadableFileError, type Table } from './read-table';

/** An uploaded XLSX/CSV (base64 over the API) as a table, or the zh-CN BAD_FILE error the user sees. `onProgress`: readTable's. */
export async function readUploadedTable(fileName: string, dataBase64: string, onProgress?: (done: number, total: number) => void): Promise<Table> {
  try {
    return await readTable(fileName, Buffer.from(dataBase64, 'base64'), onProgress);
  } catch (error) {
    const reason = error instanceof UnreadableFileError ? error.message : '文件已损坏或格式不受支持';
    throw new AppError('BAD_FILE', zh('error.badFile', { reason }));
  }
}
