// Opens the system file picker and returns the chosen files' names and bytes (base64). Exchange files are
// read whole: the backend verifies the exact bytes.
import { readFileAsBase64 } from '../../lib/files';

export interface PickedFile {
  name: string;
  dataBase64: string;
}

export function pickFiles(accept: string, multiple = false): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      input.remove();
      void Promise.all(files.map(async (f) => ({ name: f.name, dataBase64: await readFileAsBase64(f) }))).then(resolve);
    });
    document.body.append(input);
    input.click();
  });
}
