// A company name that never ends a line on a lone character: the last two characters form one unbreakable
// unit, so "杭州某某珠宝有限公司" wraps as "…有限 / 公司" at worst, not "…有限公 / 司". (word-break: keep-all
// would keep the whole CJK run on one line and overflow the cell.)
import { splitTail } from './company-name';
import './lists.css';

export function CompanyName({ name }: { name: string }) {
  const [head, tail] = splitTail(name);
  return (
    <span className="company-name">
      {head}
      <span className="name-tail">{tail}</span>
    </span>
  );
}
