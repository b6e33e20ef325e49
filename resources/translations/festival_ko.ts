<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
  <context>
    <name>AboutDialog</name>
    <message>
      <source>, frozen build</source>
      <translation>, 독립 실행형 빌드</translation>
    </message>
    <message>
      <source>About</source>
      <translation>프로그램 정보</translation>
    </message>
    <message>
      <source>Data folder:</source>
      <translation>사용자 데이터 폴더:</translation>
    </message>
    <message>
      <source>Korean font in PDFs:</source>
      <translation>PDF의 한국어 글꼴:</translation>
    </message>
    <message>
      <source>Korean font in the window:</source>
      <translation>창의 한국어 글꼴:</translation>
    </message>
    <message>
      <source>Log file:</source>
      <translation>로그 파일:</translation>
    </message>
    <message>
      <source>Open data folder</source>
      <translation>사용자 데이터 폴더 열기</translation>
    </message>
    <message>
      <source>Version:</source>
      <translation>버전:</translation>
    </message>
    <message>
      <source>none: PDFs cannot be made until a Korean TrueType font is installed</source>
      <translation>없음: 한국어 트루타입 글꼴을 설치해야 PDF를 만들 수 있습니다</translation>
    </message>
    <message>
      <source>{0} (Qt {1}, Python {2}{3})</source>
      <translation>{0} (Qt {1}, Python {2}{3})</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <source>Seoul Friendship Festival organizer</source>
      <translation>서울세계도시문화축제 운영 프로그램</translation>
    </message>
  </context>
  <context>
    <name>BoothCategory</name>
    <message>
      <source>Embassy</source>
      <translation>대사관</translation>
    </message>
    <message>
      <source>Experience</source>
      <translation>체험</translation>
    </message>
    <message>
      <source>Food</source>
      <translation>음식</translation>
    </message>
    <message>
      <source>Marriage culture</source>
      <translation>결혼 문화</translation>
    </message>
    <message>
      <source>NGO</source>
      <translation>NGO</translation>
    </message>
    <message>
      <source>NGO / international organization</source>
      <translation>NGO / 국제 기관</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>기타</translation>
    </message>
    <message>
      <source>Tourism</source>
      <translation>관광</translation>
    </message>
    <message>
      <source>embassy</source>
      <translation>대사관</translation>
    </message>
    <message>
      <source>experience</source>
      <translation>체험</translation>
    </message>
    <message>
      <source>food</source>
      <translation>음식</translation>
    </message>
    <message>
      <source>marriage culture</source>
      <translation>결혼 문화</translation>
    </message>
    <message>
      <source>other</source>
      <translation>기타</translation>
    </message>
    <message>
      <source>tourism</source>
      <translation>관광</translation>
    </message>
  </context>
  <context>
    <name>BoothTableModel</name>
    <message>
      <source>'{0}' is not a number of people.</source>
      <translation>'{0}'은(는) 인원수가 아닙니다.</translation>
    </message>
    <message>
      <source>Booth area</source>
      <translation>부스 구역</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>분류</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>부스 번호</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>연락처</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>국가</translation>
    </message>
    <message>
      <source>Days</source>
      <translation>축제일</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>이메일</translation>
    </message>
    <message>
      <source>Exhibitor</source>
      <translation>운영자</translation>
    </message>
    <message>
      <source>Needs</source>
      <translation>필요 설비</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>비고</translation>
    </message>
    <message>
      <source>Organization</source>
      <translation>기관</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>전화</translation>
    </message>
    <message>
      <source>Staff</source>
      <translation>인원</translation>
    </message>
    <message>
      <source>every day</source>
      <translation>매일</translation>
    </message>
    <message>
      <source>gas</source>
      <translation>가스</translation>
    </message>
    <message>
      <source>power</source>
      <translation>전기</translation>
    </message>
    <message>
      <source>water</source>
      <translation>수도</translation>
    </message>
  </context>
  <context>
    <name>Change</name>
    <message>
      <source>Back in the program</source>
      <translation>프로그램에 다시 편성</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>취소</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>날짜</translation>
    </message>
    <message>
      <source>Duration</source>
      <translation>길이</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>종류</translation>
    </message>
    <message>
      <source>New</source>
      <translation>신규</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>시간</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>제목</translation>
    </message>
    <message>
      <source>Troupe</source>
      <translation>공연단</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>장소</translation>
    </message>
  </context>
  <context>
    <name>ChangesView</name>
    <message>
      <source> (printed)</source>
      <translation> (인쇄 기준판)</translation>
    </message>
    <message>
      <source>&amp;From:</source>
      <translation>비교 기준(&amp;F):</translation>
    </message>
    <message>
      <source>&amp;To:</source>
      <translation>비교 대상(&amp;T):</translation>
    </message>
    <message>
      <source>&amp;Venue:</source>
      <translation>장소(&amp;V):</translation>
    </message>
    <message>
      <source>All troupes</source>
      <translation>모든 공연단</translation>
    </message>
    <message>
      <source>All venues</source>
      <translation>모든 장소</translation>
    </message>
    <message>
      <source>Make the release chosen under From the printed baseline</source>
      <translation>비교 기준에서 고른 발행판을 인쇄 기준판으로 정합니다</translation>
    </message>
    <message>
      <source>Mark as &amp;printed</source>
      <translation>인쇄 기준판으로(&amp;P)</translation>
    </message>
    <message>
      <source>Mark {0} as printed</source>
      <translation>{0} 발행판을 인쇄 기준판으로</translation>
    </message>
    <message>
      <source>Not marked as printed</source>
      <translation>인쇄 기준판으로 표시하지 못했습니다</translation>
    </message>
    <message>
      <source>Nothing changed.</source>
      <translation>바뀐 점이 없습니다.</translation>
    </message>
    <message>
      <source>Now (not released)</source>
      <translation>현재(발행 전)</translation>
    </message>
    <message>
      <source>T&amp;roupe:</source>
      <translation>공연단(&amp;R):</translation>
    </message>
    <message>
      <source>There is no release yet. Tools &gt; Release this version… freezes the program; changes are shown against it.</source>
      <translation>아직 발행판이 없습니다. 도구 &gt; 이 판을 발행판으로 만들기…으로 프로그램을 고정하면 바뀐 점을 그 판과 비교해 보여 줍니다.</translation>
    </message>
    <message>
      <source>{0} changes</source>
      <translation>변경 {0}건</translation>
    </message>
  </context>
  <context>
    <name>Clash</name>
    <message>
      <source>'{first}' {first_start}-{first_end} and '{second}' {second_start}-{second_end} are both on {venue}</source>
      <translation>'{first}' {first_start}-{first_end}과(와) '{second}' {second_start}-{second_end}이(가) 모두 {venue}에 배정되어 있습니다</translation>
    </message>
    <message>
      <source>'{title}' on {venue} {start}-{end} is outside the day's hours {opens}-{closes}</source>
      <translation>{venue}의 '{title}' {start}-{end}이(가) 축제일 운영 시간 {opens}-{closes}을(를) 벗어납니다</translation>
    </message>
    <message>
      <source>'{title}' {start}-{end} is outside the hours of {venue}, {opens}-{closes}</source>
      <translation>'{title}' {start}-{end}이(가) {venue} 운영 시간 {opens}-{closes}을(를) 벗어납니다</translation>
    </message>
    <message>
      <source>Performance '{title}' on {venue} {start}-{end} has no troupe</source>
      <translation>{venue}의 공연 '{title}' {start}-{end}에 공연단이 없습니다</translation>
    </message>
    <message>
      <source>With setup and teardown, '{first}' takes {venue} {first_from}-{first_until} and '{second}' takes it {second_from}-{second_until}</source>
      <translation>준비 시간과 철수 시간을 포함하면 '{first}'이(가) {venue}을(를) {first_from}-{first_until}, '{second}'이(가) {second_from}-{second_until} 사용합니다</translation>
    </message>
    <message>
      <source>With setup and teardown, '{title}' takes {venue} {start}-{end}, outside its hours {opens}-{closes}</source>
      <translation>준비 시간과 철수 시간을 포함하면 '{title}'이(가) {venue}을(를) {start}-{end} 사용하여 장소 운영 시간 {opens}-{closes}을(를) 벗어납니다</translation>
    </message>
    <message>
      <source>With setup and teardown, '{title}' takes {venue} {start}-{end}, outside the day's hours {opens}-{closes}</source>
      <translation>준비 시간과 철수 시간을 포함하면 '{title}'이(가) {venue}을(를) {start}-{end} 사용하여 축제일 운영 시간 {opens}-{closes}을(를) 벗어납니다</translation>
    </message>
    <message>
      <source>{booth} has code {code}, which is not a space on the map of {venue}</source>
      <translation>{booth}의 번호 {code}은(는) {venue} 배치도에 없는 자리입니다</translation>
    </message>
    <message>
      <source>{booth} is on space {code}, which is blocked</source>
      <translation>{booth}이(가) 사용할 수 없는 자리 {code}에 있습니다</translation>
    </message>
    <message>
      <source>{booth} is on space {code}, which is blocked: {reason}</source>
      <translation>{booth}이(가) 사용할 수 없는 자리 {code}에 있습니다: {reason}</translation>
    </message>
    <message>
      <source>{booth} needs {missing}, which space {code} does not offer</source>
      <translation>{booth}에 필요한 {missing}을(를) 자리 {code}에서 제공하지 않습니다</translation>
    </message>
    <message>
      <source>{first} on {first_code} and {second} on {second_code} stand on the same ground</source>
      <translation>{first_code}의 {first}과(와) {second_code}의 {second}이(가) 같은 땅에 겹쳐 있습니다</translation>
    </message>
    <message>
      <source>{troupe} has no item in the program</source>
      <translation>{troupe}의 프로그램 항목이 없습니다</translation>
    </message>
    <message>
      <source>{troupe} has {gap} minutes to get from {first_venue} (until {first_end}) to {second_venue} (from {second_start}); the festival plans {minimum} minutes</source>
      <translation>{troupe}이(가) {first_venue}({first_end}까지)에서 {second_venue}({second_start}부터)로 이동할 시간이 {gap}분입니다. 축제 기준은 {minimum}분입니다</translation>
    </message>
    <message>
      <source>{troupe} is on {first_venue} {first_start}-{first_end} and on {second_venue} {second_start}-{second_end}</source>
      <translation>{troupe}이(가) {first_venue} {first_start}-{first_end}과(와) {second_venue} {second_start}-{second_end}에 동시에 배정되어 있습니다</translation>
    </message>
    <message>
      <source>{troupe} is on {venue} on {day} {start}-{end}, but arrives only on {arrival}</source>
      <translation>{troupe}은(는) {day} {start}-{end} {venue}에 배정되어 있으나 {arrival}에야 도착합니다</translation>
    </message>
    <message>
      <source>{troupe} is on {venue} on {day} {start}-{end}, but leaves on {departure}</source>
      <translation>{troupe}은(는) {day} {start}-{end} {venue}에 배정되어 있으나 {departure}에 출발합니다</translation>
    </message>
    <message>
      <source>{venue} has {gap} minutes between '{first}' (until {first_until}) and '{second}' (from {second_from}); it needs {minimum} minutes to change over</source>
      <translation>{venue}에서 '{first}'({first_until}까지)와 '{second}'({second_from}부터) 사이가 {gap}분입니다. 전환 시간은 {minimum}분이 필요합니다</translation>
    </message>
  </context>
  <context>
    <name>ClashPanel</name>
    <message>
      <source>Accept this clash with a reason; it stays listed as acknowledged</source>
      <translation>사유를 적고 이 충돌을 인정합니다. 인정된 충돌로 목록에 남습니다</translation>
    </message>
    <message>
      <source>Acknowledge clash</source>
      <translation>충돌 인정</translation>
    </message>
    <message>
      <source>Acknowledge…</source>
      <translation>인정…</translation>
    </message>
    <message>
      <source>Checking the program…</source>
      <translation>프로그램 확인 중…</translation>
    </message>
    <message>
      <source>Clashes</source>
      <translation>충돌</translation>
    </message>
    <message>
      <source>Errors ({count})</source>
      <translation>오류 ({count})</translation>
    </message>
    <message>
      <source>Errors: {errors} ({open} not acknowledged) · warnings: {warnings} · notes: {infos}</source>
      <translation>오류: {errors}(미인정 {open}) · 경고: {warnings} · 참고: {infos}</translation>
    </message>
    <message>
      <source>Information ({count})</source>
      <translation>참고 ({count})</translation>
    </message>
    <message>
      <source>Make this clash count again</source>
      <translation>이 충돌을 다시 충돌로 계산합니다</translation>
    </message>
    <message>
      <source>Take back</source>
      <translation>인정 취소</translation>
    </message>
    <message>
      <source>Take back acknowledgement</source>
      <translation>인정 취소</translation>
    </message>
    <message>
      <source>Warnings ({count})</source>
      <translation>경고 ({count})</translation>
    </message>
    <message>
      <source>Why is this clash acceptable?
{message}</source>
      <translation>이 충돌을 인정하는 사유는 무엇입니까?
{message}</translation>
    </message>
    <message>
      <source>{message} — acknowledged: {reason}</source>
      <translation>{message} — 인정 사유: {reason}</translation>
    </message>
  </context>
  <context>
    <name>Cli</name>
    <message>
      <source>--self-test is given alone (with --debug at most).</source>
      <translation>--self-test는 단독으로 지정해야 합니다(함께 쓸 수 있는 것은 --debug뿐입니다).</translation>
    </message>
    <message>
      <source>Backup written to {0}</source>
      <translation>백업을 {0}에 저장했습니다</translation>
    </message>
    <message>
      <source>Created {0}</source>
      <translation>{0}을(를) 만들었습니다</translation>
    </message>
    <message>
      <source>Created {0} with the 2018 sample festival</source>
      <translation>2018년 축제 예시 자료로 {0}을(를) 만들었습니다</translation>
    </message>
    <message>
      <source>Errors: {0}, warnings: {1}, infos: {2} ({3} acknowledged).</source>
      <translation>오류 {0}건, 경고 {1}건, 참고 {2}건 (인정됨 {3}건).</translation>
    </message>
    <message>
      <source>Give --db or --server, not both.</source>
      <translation>--db와 --server 중 하나만 주세요.</translation>
    </message>
    <message>
      <source>Interrupted.</source>
      <translation>중단했습니다.</translation>
    </message>
    <message>
      <source>It may have been moved, renamed or deleted. Check the shortcut or command that started the program, or start it without --db to open the default festival file.</source>
      <translation>파일이 옮겨졌거나 이름이 바뀌었거나 삭제되었을 수 있습니다. 프로그램을 시작한 바로 가기나 명령을 확인하거나, --db 없이 시작하여 기본 축제 파일을 여십시오.</translation>
    </message>
    <message>
      <source>No clashes.</source>
      <translation>충돌이 없습니다.</translation>
    </message>
    <message>
      <source>Published into {0}</source>
      <translation>{0}에 게시했습니다</translation>
    </message>
    <message>
      <source>Released {0}</source>
      <translation>{0} 발행판을 만들었습니다</translation>
    </message>
    <message>
      <source>Restored {0} from {1}</source>
      <translation>{1}에서 {0}을(를) 복원했습니다</translation>
    </message>
    <message>
      <source>Roles: {0} may read and write, {1} may only read. Add a person with GRANT {0} TO their_account; (or {1}).</source>
      <translation>역할: {0}은(는) 읽고 쓸 수 있고, {1}은(는) 읽기만 할 수 있습니다. 사람을 추가하려면 GRANT {0} TO 계정이름; (또는 {1})을 실행하세요.</translation>
    </message>
    <message>
      <source>Self-test passed.</source>
      <translation>자체 검사를 통과했습니다.</translation>
    </message>
    <message>
      <source>Set up the festival on {0}</source>
      <translation>{0}에 축제를 설정했습니다</translation>
    </message>
    <message>
      <source>Set up the festival on {0}, copied from {1}</source>
      <translation>{0}에 축제를 설정했습니다({1}에서 복사)</translation>
    </message>
    <message>
      <source>The backup {0} does not exist. Nothing was changed. 'festival-app backup --db {1} --list' lists the backups of the file.</source>
      <translation>백업 {0}이(가) 없습니다. 아무것도 바뀌지 않았습니다. 이 파일의 백업 목록은 'festival-app backup --db {1} --list' 명령으로 볼 수 있습니다.</translation>
    </message>
    <message>
      <source>The file as it was is kept as {0}</source>
      <translation>원래 파일은 {0}(으)로 보관했습니다</translation>
    </message>
    <message>
      <source>The folder {0} does not exist.</source>
      <translation>{0} 폴더가 없습니다.</translation>
    </message>
    <message>
      <source>The self-test failed at step '{0}'.</source>
      <translation>자체 검사가 '{0}' 단계에서 실패했습니다.</translation>
    </message>
    <message>
      <source>The state before restoring was backed up to {0}</source>
      <translation>복원 전 상태를 {0}에 백업했습니다</translation>
    </message>
    <message>
      <source>There is no festival file at {0}.</source>
      <translation>{0}에 축제 파일이 없습니다.</translation>
    </message>
    <message>
      <source>There is no festival file at {0}. Create one with 'festival-app init {0}'.</source>
      <translation>{0}에 축제 파일이 없습니다. 'festival-app init {0}'로 만드십시오.</translation>
    </message>
    <message>
      <source>Unexpected error: {0}. Run again with --debug for details.</source>
      <translation>예기치 않은 오류: {0}. 자세한 내용은 --debug를 붙여 다시 실행하십시오.</translation>
    </message>
    <message>
      <source>Wrote the import template to {0}</source>
      <translation>가져오기 서식을 {0}에 저장했습니다</translation>
    </message>
    <message>
      <source>Wrote {0}</source>
      <translation>{0}을(를) 저장했습니다</translation>
    </message>
    <message>
      <source>Wrote {0}: {1} troupes, {2} program items, {3} booths</source>
      <translation>{0}에 저장했습니다: 공연단 {1}개, 프로그램 항목 {2}개, 부스 {3}개</translation>
    </message>
    <message>
      <source>[acknowledged: {0}]</source>
      <translation>[인정됨: {0}]</translation>
    </message>
    <message>
      <source>none yet</source>
      <translation>아직 없음</translation>
    </message>
    <message>
      <source>{0:&gt;6} troupes {1:&gt;6} program items {2:&gt;6} booths</source>
      <translation>공연단 {0:&gt;6}개  프로그램 항목 {1:&gt;6}개  부스 {2:&gt;6}개</translation>
    </message>
    <message>
      <source>{0} already exists; it was left unchanged. Add --force to replace it.</source>
      <translation>{0}이(가) 이미 있어 그대로 두었습니다. 바꾸려면 --force를 붙이십시오.</translation>
    </message>
    <message>
      <source>{0} is a folder; give a file name like template.xlsx.</source>
      <translation>{0}은(는) 폴더입니다. template.xlsx 같은 파일 이름을 지정하십시오.</translation>
    </message>
    <message>
      <source>{0} is a folder; give a file name.</source>
      <translation>{0}은 폴더입니다. 파일 이름을 지정하세요.</translation>
    </message>
    <message>
      <source>{0} is a folder; give the backup file. Nothing was changed.</source>
      <translation>{0}은(는) 폴더입니다. 백업 파일을 지정하십시오. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
      <source>{0} is not a day of the festival (its days: {1}).</source>
      <translation>{0}은(는) 축제일이 아닙니다(축제일: {1}).</translation>
    </message>
    <message>
      <source>{0} is open for editing in the program on {1} since {2}. Nothing was changed. Close it there first, or run the command again with --wait SECONDS to wait for it.</source>
      <translation>{0} 파일은 {2}부터 {1}의 프로그램에서 편집 중입니다. 아무것도 바뀌지 않았습니다. 먼저 그곳에서 닫거나, --wait 초를 붙여 명령을 다시 실행해 닫힐 때까지 기다리세요.</translation>
    </message>
    <message>
      <source>{0} was left open by {1} since {2}, and that program is no longer running. Nothing was changed. Run the command again with --take-over to take the file over.</source>
      <translation>{0} 파일은 {1}에서 {2}부터 열린 채로 남아 있지만 그 프로그램은 더 이상 실행되고 있지 않습니다. 아무것도 바뀌지 않았습니다. 파일을 넘겨받으려면 --take-over를 붙여 명령을 다시 실행하세요.</translation>
    </message>
  </context>
  <context>
    <name>CliHelp</name>
    <message>
      <source>Check the program for clashes: venues double-booked (setup and teardown counted), troupes in two places, items outside opening hours or outside a troupe's stay, changeovers that are too short, troupes without an item and performances without a troupe. One clash per line, severity first. Exit code 0 when no unacknowledged error remains, 1 when one does, 2 for bad input. The file is only read.</source>
      <translation>프로그램의 충돌을 검사합니다: 장소 중복 배정(준비·철수 시간 포함), 공연단 중복 배정, 운영 시간이나 공연단 체류 기간을 벗어난 프로그램 항목, 너무 짧은 전환 시간, 프로그램 항목이 없는 공연단, 공연단이 없는 공연. 충돌 하나를 한 줄에 심각도부터 출력합니다. 인정되지 않은 오류가 남아 있지 않으면 종료 코드 0, 남아 있으면 1, 입력이 잘못되었으면 2입니다. 파일은 읽기만 합니다.</translation>
    </message>
    <message>
      <source>Copy the festival file with SQLite's backup API, which is safe while the program has it open. Without --out the copy goes into the backups folder in the user data folder, where old copies are thinned out (the newest 10 and one per day for 14 days are kept). --list shows the backups there instead. A festival on a server (--server) is pulled into a festival file the same way.</source>
      <translation>SQLite의 백업 API로 축제 파일을 복사합니다. 프로그램이 파일을 열어 둔 동안에도 안전합니다. --out이 없으면 사용자 데이터 폴더 안의 백업 폴더에 복사하며, 그곳의 오래된 사본은 정리됩니다(최근 10개와 14일 동안 하루에 하나씩 남깁니다). --list를 지정하면 복사하지 않고 그곳의 백업 목록을 보여 줍니다. 서버의 축제(--server)는 같은 방식으로 축제 파일로 가져옵니다.</translation>
    </message>
    <message>
      <source>Create a new festival file. It holds the Seoul Friendship Festival 2018 as sample data unless --empty is given. An existing file is never overwritten.</source>
      <translation>새 축제 파일을 만듭니다. --empty를 지정하지 않으면 2018년 서울세계도시문화축제가 예시 자료로 들어갑니다. 이미 있는 파일은 덮어쓰지 않습니다.</translation>
    </message>
    <message>
      <source>Create the festival's tables in an empty database (a database holding any table is refused), with the 2018 sample festival unless --empty, or a copy of a festival file's whole content with --from. Sets up two roles: DATABASE_editors (read and write) and DATABASE_viewers (read only); add people's accounts to one of them. All or nothing.</source>
      <translation>빈 데이터베이스에 축제 테이블을 만듭니다(테이블이 하나라도 있는 데이터베이스는 거부합니다). --empty가 없으면 2018년 예시 축제를, --from이 있으면 축제 파일의 전체 내용을 복사해 넣습니다. 두 역할을 설정합니다: DATABASE_editors(읽기와 쓰기)와 DATABASE_viewers(읽기 전용). 사람들의 계정을 둘 중 하나에 추가하세요. 전부 되거나 아무것도 되지 않습니다.</translation>
    </message>
    <message>
      <source>Freeze the whole program as it is now under a name (v1, v2, ... unless --name is given). A release is kept in the festival file and never changes; printouts name it in their footer, and `changes` and `publish` use it. --list only lists the releases.</source>
      <translation>지금의 프로그램 전체를 이름을 붙여 발행합니다(--name이 없으면 v1, v2, ...). 발행판은 축제 파일에 보관되며 바뀌지 않습니다. 인쇄물은 바닥글에 발행판 이름을 적고, `changes`(변경 보고)와 `publish`(게시)가 발행판을 씁니다. --list를 지정하면 발행판 목록만 보여 줍니다.</translation>
    </message>
    <message>
      <source>Import an application workbook (.xlsx; make one with 'festival-app template'). Prints per sheet what is created, updated and unchanged, every record that changes (an update field by field, before and after), and every problem row. The workbook is applied, as one transaction, only when no row has an error; otherwise nothing is written and the exit code is 2. Like the window, it refuses a file that the program has open for editing (see --wait and --take-over), and it backs the file up before writing.</source>
      <translation>신청서 엑셀 파일(.xlsx, 'festival-app template' 명령으로 만들 수 있습니다)을 가져옵니다. 시트별로 새로 만들고 수정하고 변경 없이 두는 기록, 바뀌는 모든 기록(수정은 열마다 변경 전과 후), 문제가 있는 모든 행을 출력합니다. 오류가 있는 행이 하나도 없을 때에만 엑셀 파일의 내용을 하나의 트랜잭션으로 반영하며, 그렇지 않으면 아무것도 쓰지 않고 종료 코드 2로 끝납니다. 창과 마찬가지로 프로그램에서 편집 중인 파일은 거부하며(--wait와 --take-over 참조), 쓰기 전에 파일을 백업합니다.</translation>
    </message>
    <message>
      <source>Korean TrueType font for PDFs</source>
      <translation>PDF에 넣을 한국어 트루타입 글꼴</translation>
    </message>
    <message>
      <source>Organizer for the Seoul Friendship Festival: venues, days, troupes, the stage program and country booths, kept in one SQLite festival file. Without a sub-command the window opens.</source>
      <translation>서울세계도시문화축제 운영 프로그램: 장소, 축제일, 공연단, 무대 프로그램과 국가별 부스를 하나의 SQLite 축제 파일에 담습니다. 하위 명령 없이 실행하면 창이 열립니다.</translation>
    </message>
    <message>
      <source>Replace the contents of the festival file with a backup, in one step. The present state is backed up first, so the restore can be undone by restoring that backup. A damaged backup is refused and nothing changes. The file must not be open for editing in the program. A damaged festival file (or one of a newer program) is kept as NAME.damaged-TIME (NAME.newer-TIME) and the backup put in its place.</source>
      <translation>축제 파일의 내용을 백업으로 한 번에 바꿉니다. 먼저 현재 상태를 백업하므로, 그 백업을 복원하면 이번 복원을 되돌릴 수 있습니다. 손상된 백업은 거부하며 아무것도 바뀌지 않습니다. 파일이 프로그램에서 편집 중이면 안 됩니다. 손상된 축제 파일(또는 프로그램의 새 버전으로 저장된 파일)은 NAME.damaged-TIME(NAME.newer-TIME)으로 보관하고 그 자리에 백업을 넣습니다.</translation>
    </message>
    <message>
      <source>Team mode: several computers edit one festival at the same time on a PostgreSQL server (version 14 or newer). 'server init' sets the festival up in an empty database; 'server pull' writes it into a new festival file. The password comes from PGPASSWORD or a pgpass file, never from the address.</source>
      <translation>팀 모드: 여러 컴퓨터가 PostgreSQL 서버(버전 14 이상)에서 하나의 축제를 동시에 편집합니다. 'server init'은 빈 데이터베이스에 축제를 설정하고, 'server pull'은 축제를 새 축제 파일로 씁니다. 비밀번호는 주소가 아니라 PGPASSWORD나 pgpass 파일에서 가져옵니다.</translation>
    </message>
    <message>
      <source>Write a printout, workbook or calendar file from the festival file. KIND is one of: {0}. The file is written completely or not at all; PDFs embed a Korean TrueType font (set FESTIVAL_APP_PDF_FONT to a .ttf to choose one).</source>
      <translation>축제 파일로 인쇄물, 엑셀 파일 또는 일정 파일(.ics)을 만듭니다. KIND는 다음 중 하나입니다: {0}. 파일은 완전히 저장되거나 전혀 저장되지 않습니다. PDF에는 한국어 트루타입 글꼴이 포함됩니다(글꼴을 고르려면 FESTIVAL_APP_PDF_FONT에 .ttf 파일을 지정하십시오).</translation>
    </message>
    <message>
      <source>Write a release of the program into a folder: schedule.xml and schedule.json (the schedule format that Giggity, EventFahrplan and ConfClerk read), a bilingual web page (index.html) and changes.xml, an Atom feed of the releases. The folder is replaced whole: readers see the old release or the new one, never a mixture.</source>
      <translation>프로그램 발행판을 폴더에 씁니다: schedule.xml과 schedule.json(Giggity, EventFahrplan, ConfClerk가 읽는 일정 형식), 두 언어 웹 페이지(index.html), 발행판 Atom 피드 changes.xml. 폴더는 통째로 바뀝니다: 읽는 사람은 이전 판이나 새 판을 보며, 섞인 것은 보지 않습니다.</translation>
    </message>
    <message>
      <source>Write the import template: sheets Days, Venues, Troupes, Program and Booths with their header rows, drop-down lists, example rows and instructions in Korean and English. An existing file at PATH is replaced only with --force.</source>
      <translation>가져오기 서식을 저장합니다: Days(축제일), Venues(장소), Troupes(공연단), Program(프로그램), Booths(부스) 시트와 각 시트의 머리글 행, 드롭다운 목록, 예시 행, 한국어·영어 안내가 들어갑니다. PATH에 이미 있는 파일은 --force를 지정할 때만 바꿉니다.</translation>
    </message>
    <message>
      <source>Write the whole server festival, as one consistent moment, into a new festival file: the team's backup, or a copy to take home. An existing file is never overwritten.</source>
      <translation>서버의 축제 전체를 한 시점의 일관된 상태로 새 축제 파일에 씁니다: 팀의 백업, 또는 집에 가져갈 사본입니다. 기존 파일은 절대 덮어쓰지 않습니다.</translation>
    </message>
    <message>
      <source>Write what changed in the program from release --from to release --to (or to the program now): new, cancelled and moved items and changed titles, troupes, durations and kinds, as a PDF or Excel file for the stage managers; with --per-troupe, a PDF with one notice page for each troupe whose appearances changed.</source>
      <translation>발행판 --from에서 --to(없으면 지금의 프로그램)까지 프로그램에서 바뀐 점을 씁니다: 신규, 취소, 이동한 항목과 바뀐 제목, 공연단, 길이, 종류를 무대 감독용 PDF나 엑셀 파일로 씁니다. --per-troupe이면 출연이 바뀐 공연단마다 안내문 한 쪽씩 PDF로 씁니다.</translation>
    </message>
    <message>
      <source>a festival file whose venues and troupes fill the Venue and Troupe drop-down lists</source>
      <translation>장소 열과 공연단 열의 드롭다운 목록에 넣을 장소와 공연단을 가져올 축제 파일</translation>
    </message>
    <message>
      <source>a festival on a PostgreSQL server instead, as postgresql://user@host:5432/database (the password from PGPASSWORD or a pgpass file, never in the URL)</source>
      <translation>대신 PostgreSQL 서버의 축제: postgresql://사용자@호스트:5432/데이터베이스 형식(비밀번호는 URL이 아니라 PGPASSWORD나 pgpass 파일에서)</translation>
    </message>
    <message>
      <source>check only this festival day (like 2018-09-01)</source>
      <translation>이 축제일만 검사합니다(예: 2018-09-01)</translation>
    </message>
    <message>
      <source>check this installation: in a temporary folder create the sample festival, check it, export a Korean PDF, a workbook and a calendar and read them back (exit 0 when all went well, 1 naming the step that failed)</source>
      <translation>이 설치본을 검사합니다: 임시 폴더에 예시 축제를 만들어 검사하고, 한국어 PDF, 엑셀 파일, 일정 파일(.ics)을 내보낸 뒤 다시 읽습니다(모두 정상이면 종료 코드 0, 실패하면 실패한 단계를 밝히고 1)</translation>
    </message>
    <message>
      <source>comment in English</source>
      <translation>영어 설명</translation>
    </message>
    <message>
      <source>comment in Korean</source>
      <translation>한국어 설명</translation>
    </message>
    <message>
      <source>copy the festival file into the backups folder (or to --out)</source>
      <translation>축제 파일을 백업 폴더(또는 --out)에 복사합니다</translation>
    </message>
    <message>
      <source>copy this festival file's whole content</source>
      <translation>이 축제 파일의 전체 내용을 복사</translation>
    </message>
    <message>
      <source>create a festival file (with the 2018 festival as sample unless --empty)</source>
      <translation>축제 파일을 만듭니다(--empty가 없으면 2018년 축제를 예시 자료로 넣습니다)</translation>
    </message>
    <message>
      <source>create it without sample data</source>
      <translation>예시 자료 없이 만듭니다</translation>
    </message>
    <message>
      <source>festival file to open in the window (default: the one in the user data folder)</source>
      <translation>창에서 열 축제 파일 (기본값: 사용자 데이터 폴더의 축제 파일)</translation>
    </message>
    <message>
      <source>file to write</source>
      <translation>저장할 파일</translation>
    </message>
    <message>
      <source>freeze the program as it is now as a named release</source>
      <translation>지금의 프로그램을 이름 붙인 발행판으로 발행</translation>
    </message>
    <message>
      <source>import troupes, program items and booths from an Excel workbook</source>
      <translation>엑셀 파일에서 공연단, 프로그램 항목, 부스를 가져옵니다</translation>
    </message>
    <message>
      <source>landscape pages</source>
      <translation>가로 방향으로 인쇄</translation>
    </message>
    <message>
      <source>language (default both)</source>
      <translation>언어 (기본값 both)</translation>
    </message>
    <message>
      <source>language of the names in the messages (default: en)</source>
      <translation>메시지에 쓰는 이름의 언어 (기본값: en)</translation>
    </message>
    <message>
      <source>language of the sheet names and first header row (default: en)</source>
      <translation>시트 이름과 첫 머리글 행의 언어 (기본값: en)</translation>
    </message>
    <message>
      <source>list the backups of the file</source>
      <translation>이 파일의 백업 목록을 보여 줍니다</translation>
    </message>
    <message>
      <source>list the program's clashes (exit code 1 when an unacknowledged error remains)</source>
      <translation>프로그램의 충돌을 나열합니다(인정되지 않은 오류가 남아 있으면 종료 코드 1)</translation>
    </message>
    <message>
      <source>log more detail</source>
      <translation>로그를 더 자세히 남깁니다</translation>
    </message>
    <message>
      <source>mark it as the printed baseline</source>
      <translation>인쇄 기준판으로 표시</translation>
    </message>
    <message>
      <source>one notice page for each troupe whose appearances changed</source>
      <translation>출연이 바뀐 공연단마다 안내문 한 쪽</translation>
    </message>
    <message>
      <source>one of: {0}</source>
      <translation>다음 중 하나: {0}</translation>
    </message>
    <message>
      <source>only list the releases</source>
      <translation>발행판 목록만 보기</translation>
    </message>
    <message>
      <source>only print the report; write nothing</source>
      <translation>보고서만 출력하고 아무것도 쓰지 않습니다</translation>
    </message>
    <message>
      <source>only this festival day (repeatable)</source>
      <translation>이 축제일만 (반복 지정 가능)</translation>
    </message>
    <message>
      <source>only this venue, by its Korean or English name (repeat for several)</source>
      <translation>이 장소만 (한국어 또는 영어 이름, 여러 장소는 반복 지정)</translation>
    </message>
    <message>
      <source>open the window on a festival on a PostgreSQL server (team mode), as postgresql://user@host:5432/database; the password from PGPASSWORD, a pgpass file or the system keyring, never in the URL</source>
      <translation>PostgreSQL 서버의 축제로 창을 엽니다(팀 모드): postgresql://사용자@호스트:5432/데이터베이스 형식. 비밀번호는 URL이 아니라 PGPASSWORD, pgpass 파일 또는 시스템 키링에서 가져옵니다</translation>
    </message>
    <message>
      <source>open the window, wait for its first paint and exit (0 when all went well)</source>
      <translation>창을 열고 처음 그려질 때까지 기다린 뒤 종료합니다(모두 정상이면 종료 코드 0)</translation>
    </message>
    <message>
      <source>paper size (default A4; A3 for overview and map)</source>
      <translation>용지 크기 (기본 A4, 전체 일정표와 배치도는 A3)</translation>
    </message>
    <message>
      <source>portrait pages</source>
      <translation>세로 방향으로 인쇄</translation>
    </message>
    <message>
      <source>print one JSON array</source>
      <translation>JSON 배열 하나로 출력합니다</translation>
    </message>
    <message>
      <source>publish a release for the web and attendee apps</source>
      <translation>웹과 관람객 앱용으로 발행판 게시</translation>
    </message>
    <message>
      <source>replace the file at PATH if there is one</source>
      <translation>PATH에 파일이 이미 있으면 바꿉니다</translation>
    </message>
    <message>
      <source>report what changed in the program since a release</source>
      <translation>발행판 이후 프로그램에서 바뀐 점 보고</translation>
    </message>
    <message>
      <source>restore the festival file from a backup</source>
      <translation>백업에서 축제 파일을 복원합니다</translation>
    </message>
    <message>
      <source>set it up without sample data</source>
      <translation>예시 데이터 없이 설정</translation>
    </message>
    <message>
      <source>set up a festival on a PostgreSQL server for a team</source>
      <translation>팀을 위해 PostgreSQL 서버에 축제를 설정</translation>
    </message>
    <message>
      <source>set up the festival in an empty database</source>
      <translation>빈 데이터베이스에 축제를 설정</translation>
    </message>
    <message>
      <source>take the file over from a program that left it open and is no longer running</source>
      <translation>파일을 열어 둔 채 더 이상 실행되지 않는 프로그램에게서 파일을 넘겨받음</translation>
    </message>
    <message>
      <source>the .pdf or .xlsx file to write</source>
      <translation>쓸 .pdf 또는 .xlsx 파일</translation>
    </message>
    <message>
      <source>the .xlsx to write</source>
      <translation>저장할 .xlsx 파일</translation>
    </message>
    <message>
      <source>the backup</source>
      <translation>복원할 백업</translation>
    </message>
    <message>
      <source>the database, as postgresql://user@host:5432/database (no password)</source>
      <translation>데이터베이스: postgresql://사용자@호스트:5432/데이터베이스 형식(비밀번호 없이)</translation>
    </message>
    <message>
      <source>the festival file</source>
      <translation>축제 파일</translation>
    </message>
    <message>
      <source>the festival file to create</source>
      <translation>만들 축제 파일</translation>
    </message>
    <message>
      <source>the folder to publish into (made or replaced whole)</source>
      <translation>게시할 폴더(새로 만들거나 통째로 바꿈)</translation>
    </message>
    <message>
      <source>the new festival file</source>
      <translation>새 축제 파일</translation>
    </message>
    <message>
      <source>the release to compare from</source>
      <translation>비교의 기준이 되는 발행판</translation>
    </message>
    <message>
      <source>the release to compare to (default: the program now)</source>
      <translation>비교할 발행판(기본: 지금의 프로그램)</translation>
    </message>
    <message>
      <source>the release to publish (default: the newest; 'now': the program as it is)</source>
      <translation>게시할 발행판(기본: 가장 최근; 'now': 지금의 프로그램)</translation>
    </message>
    <message>
      <source>the release's name</source>
      <translation>발행판 이름</translation>
    </message>
    <message>
      <source>the workbook to import</source>
      <translation>가져올 엑셀 파일</translation>
    </message>
    <message>
      <source>when the program has the file open for editing elsewhere, wait up to this long for it to be closed (default: do not wait)</source>
      <translation>다른 곳에서 프로그램이 이 파일을 편집 중이면 닫힐 때까지 최대 이 시간(초)만큼 기다림 (기본값: 기다리지 않음)</translation>
    </message>
    <message>
      <source>where the folder will be on the web (https://...)</source>
      <translation>폴더가 웹에 놓일 주소(https://...)</translation>
    </message>
    <message>
      <source>write the Excel template for troupe, program and booth applications</source>
      <translation>공연단, 프로그램, 부스 신청을 받는 가져오기 서식(엑셀 파일)을 저장합니다</translation>
    </message>
    <message>
      <source>write the copy here instead</source>
      <translation>백업 폴더 대신 이 경로에 사본을 저장합니다</translation>
    </message>
    <message>
      <source>write the server festival into a new festival file</source>
      <translation>서버의 축제를 새 축제 파일로 쓰기</translation>
    </message>
    <message>
      <source>write timetables, cue sheets, booth signs (PDF), booth lists (Excel), a calendar</source>
      <translation>시간표, 큐시트, 부스 안내판(PDF), 부스 목록(엑셀), 일정 파일(.ics)을 저장합니다</translation>
    </message>
  </context>
  <context>
    <name>ConnectDialog</name>
    <message>
      <source>Connect</source>
      <translation>연결</translation>
    </message>
    <message>
      <source>Connect to server</source>
      <translation>서버에 연결</translation>
    </message>
    <message>
      <source>Connected, but the system keyring did not take the password ({0}): it will be asked for again next time.</source>
      <translation>연결했지만 시스템 키링이 비밀번호를 저장하지 않았습니다({0}): 다음에 다시 묻습니다.</translation>
    </message>
    <message>
      <source>Database</source>
      <translation>데이터베이스</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>비밀번호</translation>
    </message>
    <message>
      <source>Password not remembered</source>
      <translation>비밀번호를 기억하지 못함</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>포트</translation>
    </message>
    <message>
      <source>Remember the password in the system keyring</source>
      <translation>시스템 키링에 비밀번호 기억</translation>
    </message>
    <message>
      <source>Server (host)</source>
      <translation>서버(호스트)</translation>
    </message>
    <message>
      <source>User</source>
      <translation>사용자</translation>
    </message>
  </context>
  <context>
    <name>CrashDialog</name>
    <message>
      <source>Copy details</source>
      <translation>세부 내용 복사</translation>
    </message>
    <message>
      <source>Details are in the log file {0}</source>
      <translation>세부 내용은 로그 파일 {0}에 있습니다</translation>
    </message>
    <message>
      <source>Something went wrong inside the program: {0}

Your festival file is safe: every change is written as it is made, and the change in progress was not written.</source>
      <translation>프로그램 내부에서 문제가 발생했습니다: {0}

축제 파일은 안전합니다. 모든 변경은 할 때마다 저장되며, 진행 중이던 변경은 저장되지 않았습니다.</translation>
    </message>
    <message>
      <source>The program ran into a problem</source>
      <translation>프로그램에 문제가 발생했습니다</translation>
    </message>
  </context>
  <context>
    <name>DayTableModel</name>
    <message>
      <source>Closes</source>
      <translation>종료</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>날짜</translation>
    </message>
    <message>
      <source>Opens</source>
      <translation>시작</translation>
    </message>
    <message>
      <source>Weekday</source>
      <translation>요일</translation>
    </message>
  </context>
  <context>
    <name>Export</name>
    <message>
      <source>#</source>
      <translation>#</translation>
    </message>
    <message>
      <source>'{value}' is not a date like 2018-09-01. The festival days are: {known}.</source>
      <translation>'{value}'은(는) 2018-09-01 형식의 날짜가 아닙니다. 축제일: {known}.</translation>
    </message>
    <message>
      <source>After</source>
      <translation>변경 후</translation>
    </message>
    <message>
      <source>All booths</source>
      <translation>전체 부스</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>구역</translation>
    </message>
    <message>
      <source>Arrival</source>
      <translation>도착</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>변경 전</translation>
    </message>
    <message>
      <source>Booth index</source>
      <translation>부스 찾아보기</translation>
    </message>
    <message>
      <source>Booth index by country and code (PDF)</source>
      <translation>국가별·번호별 부스 찾아보기 (PDF)</translation>
    </message>
    <message>
      <source>Booth list</source>
      <translation>부스 목록</translation>
    </message>
    <message>
      <source>Booth list (Excel)</source>
      <translation>부스 목록 (엑셀)</translation>
    </message>
    <message>
      <source>Booth list by venue (PDF)</source>
      <translation>장소별 부스 목록 (PDF)</translation>
    </message>
    <message>
      <source>Booth signs</source>
      <translation>부스 안내판</translation>
    </message>
    <message>
      <source>Booth signs, one page per booth (PDF)</source>
      <translation>부스 안내판, 부스당 한 쪽 (PDF)</translation>
    </message>
    <message>
      <source>Booth {name}</source>
      <translation>부스 {name}</translation>
    </message>
    <message>
      <source>Booths</source>
      <translation>부스</translation>
    </message>
    <message>
      <source>Booths by code</source>
      <translation>번호순 부스</translation>
    </message>
    <message>
      <source>Booths by country</source>
      <translation>국가순 부스</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>분류</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>변경</translation>
    </message>
    <message>
      <source>Changes to your appearances: {span}</source>
      <translation>출연 변경 사항: {span}</translation>
    </message>
    <message>
      <source>City</source>
      <translation>도시</translation>
    </message>
    <message>
      <source>City (Korean)</source>
      <translation>도시 (한국어)</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>부스 번호</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>연락처</translation>
    </message>
    <message>
      <source>Could not write {path}: {reason}</source>
      <translation>{path}에 쓰지 못했습니다: {reason}</translation>
    </message>
    <message>
      <source>Country (English)</source>
      <translation>국가 (영어)</translation>
    </message>
    <message>
      <source>Country (Korean)</source>
      <translation>국가 (한국어)</translation>
    </message>
    <message>
      <source>Country or organization</source>
      <translation>국가 또는 기관</translation>
    </message>
    <message>
      <source>Cue sheet</source>
      <translation>큐시트</translation>
    </message>
    <message>
      <source>Cue sheets for MC and stage manager (PDF)</source>
      <translation>사회자·무대감독용 큐시트 (PDF)</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>축제일</translation>
    </message>
    <message>
      <source>Days</source>
      <translation>축제일</translation>
    </message>
    <message>
      <source>Departure</source>
      <translation>출발</translation>
    </message>
    <message>
      <source>Draft, not released</source>
      <translation>초안, 발행 전</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>이메일</translation>
    </message>
    <message>
      <source>End</source>
      <translation>종료</translation>
    </message>
    <message>
      <source>Exhibitor</source>
      <translation>운영자</translation>
    </message>
    <message>
      <source>Exhibitor sheets</source>
      <translation>운영자 안내서</translation>
    </message>
    <message>
      <source>Exhibitor sheets: where each booth stands (PDF)</source>
      <translation>운영자 안내서: 부스 위치 (PDF)</translation>
    </message>
    <message>
      <source>Gas</source>
      <translation>가스</translation>
    </message>
    <message>
      <source>Genre</source>
      <translation>장르</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>항목</translation>
    </message>
    <message>
      <source>Item {title} at {time}</source>
      <translation>{time} 프로그램 항목 {title}</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>프로그램 항목</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>종류</translation>
    </message>
    <message>
      <source>Language must be ko, en or both, not '{value}'.</source>
      <translation>언어는 ko, en 또는 both여야 합니다('{value}'은(는) 사용할 수 없습니다).</translation>
    </message>
    <message>
      <source>Legend</source>
      <translation>범례</translation>
    </message>
    <message>
      <source>Needs</source>
      <translation>필요 설비</translation>
    </message>
    <message>
      <source>No Korean TrueType font was found, so Hangul cannot be printed. Install a Korean TrueType font: on Debian/Ubuntu 'sudo apt install fonts-nanum'; on Windows Malgun Gothic ships with the system; on macOS AppleGothic. Or name a .ttf file in the setting or in FESTIVAL_APP_PDF_FONT.</source>
      <translation>한국어 트루타입 글꼴을 찾지 못해 한글을 인쇄할 수 없습니다. 한국어 트루타입 글꼴을 설치하십시오. Debian/Ubuntu에서는 'sudo apt install fonts-nanum', Windows에는 맑은 고딕이 기본으로 있고, macOS에는 AppleGothic이 있습니다. 또는 설정이나 FESTIVAL_APP_PDF_FONT에 .ttf 파일을 지정하십시오.</translation>
    </message>
    <message>
      <source>No booth area chosen has spaces drawn on its map; draw them in the Site map section first.</source>
      <translation>선택한 부스 구역의 배치도에 자리가 없습니다. 먼저 배치도 화면에서 자리를 그리십시오.</translation>
    </message>
    <message>
      <source>No booth chosen stands on a space of a map.</source>
      <translation>선택한 부스 중 배치도의 자리에 있는 부스가 없습니다.</translation>
    </message>
    <message>
      <source>No booths here.</source>
      <translation>이곳에는 부스가 없습니다.</translation>
    </message>
    <message>
      <source>No troupe's appearances changed: there are no notices to print.</source>
      <translation>출연이 바뀐 공연단이 없어 인쇄할 안내문이 없습니다.</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>비고</translation>
    </message>
    <message>
      <source>Nothing changed.</source>
      <translation>바뀐 점이 없습니다.</translation>
    </message>
    <message>
      <source>Nothing is scheduled at {venues} on {days}. On those days there is a program at: {busy}.</source>
      <translation>{days}에는 {venues}에 배정된 항목이 없습니다. 그 축제일에 프로그램이 있는 장소: {busy}.</translation>
    </message>
    <message>
      <source>Nothing is scheduled at {venues}. The venues with a program are: {fitting}.</source>
      <translation>{venues}에 배정된 항목이 없습니다. 프로그램이 있는 장소: {fitting}.</translation>
    </message>
    <message>
      <source>Nothing is scheduled here on this day.</source>
      <translation>이 축제일에는 이곳에 배정된 항목이 없습니다.</translation>
    </message>
    <message>
      <source>Nothing is scheduled on {days}: there is nothing to export.</source>
      <translation>{days}에는 배정된 항목이 없어 내보낼 것이 없습니다.</translation>
    </message>
    <message>
      <source>Organization</source>
      <translation>기관</translation>
    </message>
    <message>
      <source>Paper must be A4, A3 or A2, not '{value}'.</source>
      <translation>용지는 A4, A3, A2 중 하나여야 합니다('{value}'은(는) 안 됩니다).</translation>
    </message>
    <message>
      <source>Performers</source>
      <translation>출연</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>전화</translation>
    </message>
    <message>
      <source>Power</source>
      <translation>전기</translation>
    </message>
    <message>
      <source>Printed {stamp} · page {page} of {pages}</source>
      <translation>인쇄 {stamp} · {pages}쪽 중 {page}쪽</translation>
    </message>
    <message>
      <source>Program</source>
      <translation>프로그램</translation>
    </message>
    <message>
      <source>Program (Excel)</source>
      <translation>프로그램 (엑셀)</translation>
    </message>
    <message>
      <source>Program as calendar (.ics)</source>
      <translation>프로그램 일정 파일 (.ics)</translation>
    </message>
    <message>
      <source>Program changes</source>
      <translation>프로그램 변경 사항</translation>
    </message>
    <message>
      <source>Program overview</source>
      <translation>프로그램 총괄표</translation>
    </message>
    <message>
      <source>Program overview, all venues side by side (PDF)</source>
      <translation>프로그램 총괄표, 전체 장소 나란히 (PDF)</translation>
    </message>
    <message>
      <source>Provided: {utilities}</source>
      <translation>제공: {utilities}</translation>
    </message>
    <message>
      <source>Relation</source>
      <translation>관계</translation>
    </message>
    <message>
      <source>Release {name}</source>
      <translation>발행판 {name}</translation>
    </message>
    <message>
      <source>Release {name} of {date}</source>
      <translation>발행판 {name} ({date})</translation>
    </message>
    <message>
      <source>Setup (min)</source>
      <translation>준비 시간(분)</translation>
    </message>
    <message>
      <source>Site map</source>
      <translation>배치도</translation>
    </message>
    <message>
      <source>Site maps of the booth areas (PDF)</source>
      <translation>부스 구역 배치도 (PDF)</translation>
    </message>
    <message>
      <source>Staff</source>
      <translation>인원</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>시작</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>상태</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>요약</translation>
    </message>
    <message>
      <source>Teardown (min)</source>
      <translation>철수 시간(분)</translation>
    </message>
    <message>
      <source>The base URL must start with http:// or https://, not '{value}'.</source>
      <translation>기본 주소는 '{value}'가 아니라 http:// 또는 https://로 시작해야 합니다.</translation>
    </message>
    <message>
      <source>The export failed: {detail}</source>
      <translation>내보내기에 실패했습니다: {detail}</translation>
    </message>
    <message>
      <source>The folder {folder} cannot be written.</source>
      <translation>{folder} 폴더에 쓸 수 없습니다.</translation>
    </message>
    <message>
      <source>The folder {folder} does not exist.</source>
      <translation>{folder} 폴더가 없습니다.</translation>
    </message>
    <message>
      <source>There are no booth areas in this festival file.</source>
      <translation>이 축제 파일에는 부스 구역이 없습니다.</translation>
    </message>
    <message>
      <source>There are no booths at {venues} on {days}. On those days there are booths at: {busy}.</source>
      <translation>{days}에는 {venues}에 부스가 없습니다. 그 축제일에 부스가 있는 장소: {busy}.</translation>
    </message>
    <message>
      <source>There are no booths at {venues}. The booth areas are: {fitting}.</source>
      <translation>{venues}에는 부스가 없습니다. 부스 구역: {fitting}.</translation>
    </message>
    <message>
      <source>There are no booths on {days}: there is nothing to export.</source>
      <translation>{days}에는 부스가 없어 내보낼 것이 없습니다.</translation>
    </message>
    <message>
      <source>There are no booths to list.</source>
      <translation>목록에 넣을 부스가 없습니다.</translation>
    </message>
    <message>
      <source>There are no booths to make signs for.</source>
      <translation>안내판을 만들 부스가 없습니다.</translation>
    </message>
    <message>
      <source>There are no festival days in this festival file.</source>
      <translation>이 축제 파일에는 축제일이 없습니다.</translation>
    </message>
    <message>
      <source>There are no troupes in this festival file.</source>
      <translation>이 축제 파일에는 공연단이 없습니다.</translation>
    </message>
    <message>
      <source>There are no venues with a program in this festival file.</source>
      <translation>이 축제 파일에는 프로그램이 있는 장소가 없습니다.</translation>
    </message>
    <message>
      <source>There is no booth area to print.</source>
      <translation>인쇄할 부스 구역이 없습니다.</translation>
    </message>
    <message>
      <source>There is no release yet. Release the program first (Tools &gt; Release this version…, or 'festival-app release'); on the command line, --release now publishes the program as it is now.</source>
      <translation>아직 발행판이 없습니다. 먼저 프로그램을 발행하세요(도구 &gt; 이 판을 발행판으로 만들기… 또는 'festival-app release'). 명령줄에서는 --release now로 지금의 프로그램을 게시할 수 있습니다.</translation>
    </message>
    <message>
      <source>There is no venue called '{name}'. The venues are: {known}.</source>
      <translation>'{name}' 장소가 없습니다. 장소: {known}.</translation>
    </message>
    <message>
      <source>There is no venue with a program to print.</source>
      <translation>인쇄할 프로그램이 있는 장소가 없습니다.</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>시간</translation>
    </message>
    <message>
      <source>Timetable</source>
      <translation>시간표</translation>
    </message>
    <message>
      <source>Title (English)</source>
      <translation>제목 (영어)</translation>
    </message>
    <message>
      <source>Title (Korean)</source>
      <translation>제목 (한국어)</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>합계</translation>
    </message>
    <message>
      <source>Troupe</source>
      <translation>공연단</translation>
    </message>
    <message>
      <source>Troupe (Korean)</source>
      <translation>공연단 (한국어)</translation>
    </message>
    <message>
      <source>Troupe notices are printed: give a .pdf file.</source>
      <translation>공연단 안내문은 인쇄용입니다: .pdf 파일을 지정하세요.</translation>
    </message>
    <message>
      <source>Troupe roster (Excel)</source>
      <translation>공연단 명단 (엑셀)</translation>
    </message>
    <message>
      <source>Troupe {name}</source>
      <translation>공연단 {name}</translation>
    </message>
    <message>
      <source>Troupes</source>
      <translation>공연단</translation>
    </message>
    <message>
      <source>Unknown export '{kind}'. Choose one of: {kinds}.</source>
      <translation>알 수 없는 내보내기 '{kind}'입니다. 다음 중에서 고르십시오: {kinds}.</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>장소</translation>
    </message>
    <message>
      <source>Venue timetables (PDF)</source>
      <translation>장소별 시간표 (PDF)</translation>
    </message>
    <message>
      <source>Water</source>
      <translation>수도</translation>
    </message>
    <message>
      <source>Your appearances now</source>
      <translation>현재 출연 일정</translation>
    </message>
    <message>
      <source>Your space: {code}</source>
      <translation>부스 자리: {code}</translation>
    </message>
    <message>
      <source>all days</source>
      <translation>전체 축제일</translation>
    </message>
    <message>
      <source>blocked</source>
      <translation>사용 불가</translation>
    </message>
    <message>
      <source>free space</source>
      <translation>빈 자리</translation>
    </message>
    <message>
      <source>gas</source>
      <translation>가스</translation>
    </message>
    <message>
      <source>no</source>
      <translation>아니요</translation>
    </message>
    <message>
      <source>now (not released)</source>
      <translation>현재(발행 전)</translation>
    </message>
    <message>
      <source>power</source>
      <translation>전기</translation>
    </message>
    <message>
      <source>setup {minutes} min</source>
      <translation>준비 {minutes}분</translation>
    </message>
    <message>
      <source>teardown {minutes} min</source>
      <translation>철수 {minutes}분</translation>
    </message>
    <message>
      <source>was</source>
      <translation>이전</translation>
    </message>
    <message>
      <source>was: {title}</source>
      <translation>이전: {title}</translation>
    </message>
    <message>
      <source>water</source>
      <translation>수도</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>예</translation>
    </message>
    <message>
      <source>{0} (bundled with the program)</source>
      <translation>{0} (프로그램에 포함)</translation>
    </message>
    <message>
      <source>{count} booths</source>
      <translation>부스 {count}개</translation>
    </message>
    <message>
      <source>{count} changes</source>
      <translation>변경 {count}건</translation>
    </message>
    <message>
      <source>{count} staff</source>
      <translation>인원 {count}명</translation>
    </message>
    <message>
      <source>{day} is not a festival day. The festival days are: {known}.</source>
      <translation>{day}은(는) 축제일이 아닙니다. 축제일: {known}.</translation>
    </message>
    <message>
      <source>{name} does not end in {suffix}: {kind} is written as a {suffix} file. Give a name like {example}.</source>
      <translation>{name}은(는) {suffix}(으)로 끝나지 않습니다. {kind}은(는) {suffix} 파일로 저장됩니다. {example}처럼 이름을 지정하십시오.</translation>
    </message>
    <message>
      <source>{name} must end in .pdf or .xlsx.</source>
      <translation>{name}은(는) .pdf 또는 .xlsx로 끝나야 합니다.</translation>
    </message>
    <message>
      <source>{path} exists and cannot be replaced.</source>
      <translation>{path}이(가) 이미 있으며 바꿀 수 없습니다.</translation>
    </message>
    <message>
      <source>{path} holds other files. Publish into a new or empty folder, or one that was published before: it is replaced whole.</source>
      <translation>{path}에 다른 파일이 있습니다. 새 폴더나 빈 폴더, 또는 전에 게시한 폴더에 게시하세요: 폴더는 통째로 바뀝니다.</translation>
    </message>
    <message>
      <source>{path} holds the festival file; publish into a folder of its own.</source>
      <translation>{path}에 축제 파일이 있습니다. 게시용 폴더를 따로 지정하세요.</translation>
    </message>
    <message>
      <source>{path} is a file; give a folder to publish into.</source>
      <translation>{path}은(는) 파일입니다. 게시할 폴더를 지정하세요.</translation>
    </message>
    <message>
      <source>{path} is a folder; give a file name.</source>
      <translation>{path}은(는) 폴더입니다. 파일 이름을 지정하십시오.</translation>
    </message>
    <message>
      <source>{record}: {column} is {length} characters long; an Excel cell holds at most {limit}.</source>
      <translation>{record}: {column}이(가) {length}자입니다. 엑셀 셀에는 최대 {limit}자까지 들어갑니다.</translation>
    </message>
    <message>
      <source>{subtitle} (continued)</source>
      <translation>{subtitle} (계속)</translation>
    </message>
    <message>
      <source>{taken} of {count} spaces taken</source>
      <translation>자리 {count}개 중 {taken}개 사용</translation>
    </message>
    <message>
      <source>{width} x {depth} m</source>
      <translation>{width} x {depth} m</translation>
    </message>
    <message>
      <source>… and {count} more: see the booth index</source>
      <translation>… 외 {count}개: 부스 찾아보기를 보십시오</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>&amp;Browse…</source>
      <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
      <source>&amp;Days:</source>
      <translation>축제일(&amp;D):</translation>
    </message>
    <message>
      <source>&amp;Export</source>
      <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>언어(&amp;L):</translation>
    </message>
    <message>
      <source>&amp;Orientation:</source>
      <translation>방향(&amp;O):</translation>
    </message>
    <message>
      <source>&amp;Paper:</source>
      <translation>용지(&amp;P):</translation>
    </message>
    <message>
      <source>&amp;Save as:</source>
      <translation>저장 위치(&amp;S):</translation>
    </message>
    <message>
      <source>&amp;Venues:</source>
      <translation>장소(&amp;V):</translation>
    </message>
    <message>
      <source>&amp;What:</source>
      <translation>내보낼 것(&amp;W):</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>취소하는 중…</translation>
    </message>
    <message>
      <source>Choose where to save the export.</source>
      <translation>내보낸 파일을 저장할 위치를 고르십시오.</translation>
    </message>
    <message>
      <source>English</source>
      <translation>영어</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>내보내기</translation>
    </message>
    <message>
      <source>Export cancelled; no file was written.</source>
      <translation>내보내기를 취소했습니다. 파일을 만들지 않았습니다.</translation>
    </message>
    <message>
      <source>Export failed</source>
      <translation>내보내기 실패</translation>
    </message>
    <message>
      <source>Export saved</source>
      <translation>내보내기 저장됨</translation>
    </message>
    <message>
      <source>Korean</source>
      <translation>한국어</translation>
    </message>
    <message>
      <source>Korean &amp;font for PDFs:</source>
      <translation>PDF용 한국어 글꼴(&amp;F):</translation>
    </message>
    <message>
      <source>Korean and English</source>
      <translation>한국어와 영어</translation>
    </message>
    <message>
      <source>Landscape</source>
      <translation>가로</translation>
    </message>
    <message>
      <source>None ticked: every venue that fits the export.</source>
      <translation>선택하지 않으면 이 내보내기에 맞는 모든 장소.</translation>
    </message>
    <message>
      <source>Open file</source>
      <translation>파일 열기</translation>
    </message>
    <message>
      <source>Open folder</source>
      <translation>폴더 열기</translation>
    </message>
    <message>
      <source>Portrait</source>
      <translation>세로</translation>
    </message>
    <message>
      <source>Publish into folder</source>
      <translation>게시할 폴더</translation>
    </message>
    <message>
      <source>Save export as</source>
      <translation>내보내기 저장</translation>
    </message>
    <message>
      <source>Saved {0}.</source>
      <translation>{0}을(를) 저장했습니다.</translation>
    </message>
    <message>
      <source>Tick at least one day.</source>
      <translation>축제일을 하나 이상 선택하십시오.</translation>
    </message>
    <message>
      <source>Web page and schedule for apps (a folder)</source>
      <translation>웹 페이지와 앱용 일정 게시(폴더)</translation>
    </message>
    <message>
      <source>Writing {0}…</source>
      <translation>{0} 저장 중…</translation>
    </message>
    <message>
      <source>found automatically (NanumGothic, Malgun Gothic, …)</source>
      <translation>자동으로 찾기 (나눔고딕, 맑은 고딕 등)</translation>
    </message>
    <message>
      <source>{0} is ready.</source>
      <translation>{0}이(가) 준비되었습니다.</translation>
    </message>
  </context>
  <context>
    <name>Feedback</name>
    <message>
      <source>Booth {0} added</source>
      <translation>부스 {0} 추가됨</translation>
    </message>
    <message>
      <source>Booth {0} changed</source>
      <translation>부스 {0} 변경됨</translation>
    </message>
    <message>
      <source>Booth {0} deleted</source>
      <translation>부스 {0} 삭제됨</translation>
    </message>
    <message>
      <source>Day {0} added</source>
      <translation>축제일 {0} 추가됨</translation>
    </message>
    <message>
      <source>Day {0} changed</source>
      <translation>축제일 {0} 변경됨</translation>
    </message>
    <message>
      <source>Day {0} deleted</source>
      <translation>축제일 {0} 삭제됨</translation>
    </message>
    <message>
      <source>Done: {0}</source>
      <translation>완료: {0}</translation>
    </message>
    <message>
      <source>Import: {0} created, {1} changed</source>
      <translation>가져오기: 새로 만듦 {0}건, 수정함 {1}건</translation>
    </message>
    <message>
      <source>Program item '{0}' added</source>
      <translation>프로그램 항목 '{0}' 추가됨</translation>
    </message>
    <message>
      <source>Program item '{0}' changed</source>
      <translation>프로그램 항목 '{0}' 변경됨</translation>
    </message>
    <message>
      <source>Program item '{0}' deleted</source>
      <translation>프로그램 항목 '{0}' 삭제됨</translation>
    </message>
    <message>
      <source>Troupe '{0}' added</source>
      <translation>공연단 '{0}' 추가됨</translation>
    </message>
    <message>
      <source>Troupe '{0}' changed</source>
      <translation>공연단 '{0}' 변경됨</translation>
    </message>
    <message>
      <source>Troupe '{0}' deleted</source>
      <translation>공연단 '{0}' 삭제됨</translation>
    </message>
    <message>
      <source>Undone: {0}</source>
      <translation>실행 취소됨: {0}</translation>
    </message>
    <message>
      <source>Venue '{0}' added</source>
      <translation>장소 '{0}' 추가됨</translation>
    </message>
    <message>
      <source>Venue '{0}' changed</source>
      <translation>장소 '{0}' 변경됨</translation>
    </message>
    <message>
      <source>Venue '{0}' deleted</source>
      <translation>장소 '{0}' 삭제됨</translation>
    </message>
    <message>
      <source>{0} booths deleted</source>
      <translation>부스 {0}개 삭제됨</translation>
    </message>
    <message>
      <source>{0} days deleted</source>
      <translation>축제일 {0}일 삭제됨</translation>
    </message>
    <message>
      <source>{0} program items deleted</source>
      <translation>프로그램 항목 {0}개 삭제됨</translation>
    </message>
    <message>
      <source>{0} troupes deleted</source>
      <translation>공연단 {0}개 삭제됨</translation>
    </message>
    <message>
      <source>{0} venues deleted</source>
      <translation>장소 {0}곳 삭제됨</translation>
    </message>
  </context>
  <context>
    <name>FestivalSection</name>
    <message>
      <source> min</source>
      <translation>분</translation>
    </message>
    <message>
      <source>Change the festival's Korean name</source>
      <translation>축제 한국어 이름 변경</translation>
    </message>
    <message>
      <source>Change the festival's name</source>
      <translation>축제 영어 이름 변경</translation>
    </message>
    <message>
      <source>Change the festival's notes</source>
      <translation>축제 비고 변경</translation>
    </message>
    <message>
      <source>Change the minimum changeover</source>
      <translation>최소 전환 시간 변경</translation>
    </message>
    <message>
      <source>Changes are saved as you make them; Edit &gt; Undo takes them back.</source>
      <translation>변경 내용은 바로 저장됩니다. 편집 &gt; 실행 취소로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
      <source>Days and opening hours</source>
      <translation>축제일과 운영 시간</translation>
    </message>
    <message>
      <source>Festival</source>
      <translation>축제</translation>
    </message>
    <message>
      <source>Festival name changed</source>
      <translation>축제 영어 이름 변경됨</translation>
    </message>
    <message>
      <source>Festival notes changed</source>
      <translation>축제 비고 변경됨</translation>
    </message>
    <message>
      <source>Festival's Korean name changed</source>
      <translation>축제 한국어 이름 변경됨</translation>
    </message>
    <message>
      <source>Minimum changeover between venues</source>
      <translation>장소 간 최소 전환 시간</translation>
    </message>
    <message>
      <source>Minimum changeover changed</source>
      <translation>최소 전환 시간 변경됨</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>이름 (영어)</translation>
    </message>
    <message>
      <source>Name (Korean)</source>
      <translation>이름 (한국어)</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>비고</translation>
    </message>
  </context>
  <context>
    <name>Field</name>
    <message>
      <source>Booth spaces</source>
      <translation>부스 자리 수</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>수용 인원</translation>
    </message>
    <message>
      <source>Changeover</source>
      <translation>전환 시간</translation>
    </message>
    <message>
      <source>City</source>
      <translation>도시</translation>
    </message>
    <message>
      <source>City (Korean)</source>
      <translation>도시 (한국어)</translation>
    </message>
    <message>
      <source>Closes</source>
      <translation>종료</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>부스 번호</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>연락처</translation>
    </message>
    <message>
      <source>End</source>
      <translation>종료</translation>
    </message>
    <message>
      <source>Exhibitor</source>
      <translation>운영자</translation>
    </message>
    <message>
      <source>Genre</source>
      <translation>장르</translation>
    </message>
    <message>
      <source>Minimum changeover</source>
      <translation>최소 전환 시간</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>이름</translation>
    </message>
    <message>
      <source>Name (Korean)</source>
      <translation>이름 (한국어)</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>비고</translation>
    </message>
    <message>
      <source>Opens</source>
      <translation>시작</translation>
    </message>
    <message>
      <source>Organization</source>
      <translation>기관</translation>
    </message>
    <message>
      <source>Performers</source>
      <translation>출연</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>전화</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>사유</translation>
    </message>
    <message>
      <source>Setup</source>
      <translation>준비 시간</translation>
    </message>
    <message>
      <source>Staff</source>
      <translation>인원</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>시작</translation>
    </message>
    <message>
      <source>Teardown</source>
      <translation>철수 시간</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>제목</translation>
    </message>
    <message>
      <source>Title (Korean)</source>
      <translation>제목 (한국어)</translation>
    </message>
    <message>
      <source>Troupe</source>
      <translation>공연단</translation>
    </message>
    <message>
      <source>Troupe (Korean)</source>
      <translation>공연단 (한국어)</translation>
    </message>
    <message>
      <source>Zone</source>
      <translation>권역</translation>
    </message>
  </context>
  <context>
    <name>Fonts</name>
    <message>
      <source>No Korean font</source>
      <translation>한국어 글꼴 없음</translation>
    </message>
    <message>
      <source>No Korean font was found, so Korean text shows as empty boxes. Install one: on Debian or Ubuntu 'sudo apt install fonts-nanum', on Fedora 'sudo dnf install google-noto-sans-cjk-fonts'; Windows and macOS have one already. Then start the program again.</source>
      <translation>한국어 글꼴을 찾지 못해 한글이 빈 네모로 보입니다. 글꼴을 설치하십시오. Debian·Ubuntu에서는 'sudo apt install fonts-nanum', Fedora에서는 'sudo dnf install google-noto-sans-cjk-fonts'를 실행하고, Windows와 macOS에는 이미 있습니다. 설치한 뒤 프로그램을 다시 시작하십시오.</translation>
    </message>
    <message>
      <source>none (Korean shows as empty boxes)</source>
      <translation>없음 (한글이 빈 네모로 보임)</translation>
    </message>
    <message>
      <source>{0} (bundled with the program)</source>
      <translation>{0} (프로그램에 포함)</translation>
    </message>
  </context>
  <context>
    <name>Import</name>
    <message>
      <source>'{value}' is not 'all' or a list of dates (like 2018-09-01, 2018-09-02).</source>
      <translation>'{value}'은(는) 'all'이나 날짜 목록(예: 2018-09-01, 2018-09-02)이 아닙니다.</translation>
    </message>
    <message>
      <source>'{value}' is not a country (write its code like KR, or its name).</source>
      <translation>'{value}'은(는) 국가가 아닙니다(KR 같은 국가 코드나 국가 이름을 입력하십시오).</translation>
    </message>
    <message>
      <source>'{value}' is not a date (write it like 2018-09-01).</source>
      <translation>'{value}'은(는) 날짜가 아닙니다(2018-09-01처럼 입력하십시오).</translation>
    </message>
    <message>
      <source>'{value}' is not a time (write it like 12:30).</source>
      <translation>'{value}'은(는) 시각이 아닙니다(12:30처럼 입력하십시오).</translation>
    </message>
    <message>
      <source>'{value}' is not a troupe of the festival or the workbook.</source>
      <translation>'{value}'은(는) 축제나 엑셀 파일에 있는 공연단이 아닙니다.</translation>
    </message>
    <message>
      <source>'{value}' is not a venue of the festival or the workbook.</source>
      <translation>'{value}'은(는) 축제나 엑셀 파일에 있는 장소가 아닙니다.</translation>
    </message>
    <message>
      <source>'{value}' is not a whole number.</source>
      <translation>'{value}'은(는) 정수가 아닙니다.</translation>
    </message>
    <message>
      <source>'{value}' is not a {list}.</source>
      <translation>'{value}'은(는) {list} 값이 아닙니다.</translation>
    </message>
    <message>
      <source>'{value}' is not yes or no (write yes/no, O/X or 예/아니오).</source>
      <translation>'{value}'은(는) 예/아니오 값이 아닙니다(yes/no, O/X 또는 예/아니오로 입력하십시오).</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>(비어 있음)</translation>
    </message>
    <message>
      <source>Cell {cell} holds a formula whose result was not saved in the file, so it was read as empty. Open the workbook in Excel or LibreOffice, save it, and import it again.</source>
      <translation>{cell} 셀에는 결과가 파일에 저장되지 않은 수식이 있어 빈 칸으로 읽었습니다. 통합 문서를 Excel 또는 LibreOffice에서 열어 저장한 뒤 다시 가져오세요.</translation>
    </message>
    <message>
      <source>Changes ({count}):</source>
      <translation>변경 사항 ({count}):</translation>
    </message>
    <message>
      <source>Column '{header}' is not part of the format and was ignored.</source>
      <translation>'{header}' 열은 서식에 없는 열이어서 무시했습니다.</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>새로 만듦</translation>
    </message>
    <message>
      <source>Dry run: 1 record would be created, {updated} updated, {unchanged} unchanged. Nothing was written.</source>
      <translation>시험 실행: 새로 만들 기록 1건, 수정할 기록 {updated}건, 변경 없는 기록 {unchanged}건. 아무것도 쓰지 않았습니다.</translation>
    </message>
    <message>
      <source>Dry run: {created} records would be created, {updated} updated, {unchanged} unchanged. Nothing was written.</source>
      <translation>시험 실행: 새로 만들 기록 {created}건, 수정할 기록 {updated}건, 변경 없는 기록 {unchanged}건. 아무것도 쓰지 않았습니다.</translation>
    </message>
    <message>
      <source>Errors</source>
      <translation>오류</translation>
    </message>
    <message>
      <source>Errors ({count}):</source>
      <translation>오류 ({count}):</translation>
    </message>
    <message>
      <source>Import of {source}</source>
      <translation>{source} 가져오기</translation>
    </message>
    <message>
      <source>Imported: {created} created, {updated} updated, {unchanged} unchanged.</source>
      <translation>가져왔습니다: 새로 만듦 {created}건, 수정함 {updated}건, 변경 없음 {unchanged}건.</translation>
    </message>
    <message>
      <source>Importing is switched off because the package 'defusedxml' that protects against hostile files is missing; reinstall the program.</source>
      <translation>악성 파일을 막아 주는 'defusedxml' 패키지가 없어 가져오기를 사용할 수 없습니다. 프로그램을 다시 설치하십시오.</translation>
    </message>
    <message>
      <source>Name is required.</source>
      <translation>이름은 필수입니다.</translation>
    </message>
    <message>
      <source>Nothing to change: all {count} rows are unchanged.</source>
      <translation>바꿀 것이 없습니다. {count}행 모두 변경 사항이 없습니다.</translation>
    </message>
    <message>
      <source>Nothing to change: the one row is unchanged.</source>
      <translation>바꿀 것이 없습니다. 하나뿐인 행에 변경 사항이 없습니다.</translation>
    </message>
    <message>
      <source>Nothing was imported: rows with errors: {count}.</source>
      <translation>아무것도 가져오지 않았습니다. 오류가 있는 행: {count}.</translation>
    </message>
    <message>
      <source>Reading the workbook was cancelled.</source>
      <translation>엑셀 파일 읽기를 취소했습니다.</translation>
    </message>
    <message>
      <source>Row {row} of the {sheet} sheet names no venue of the festival.</source>
      <translation>{sheet} 시트 {row}행의 장소가 축제에 없습니다.</translation>
    </message>
    <message>
      <source>Row {row} of the {sheet} sheet: '{value}' in {column} cannot be read.</source>
      <translation>{sheet} 시트 {row}행: {column}의 '{value}'을(를) 읽을 수 없습니다.</translation>
    </message>
    <message>
      <source>Row {row} of the {sheet} sheet: space {code} is drawn in another area. Move it on the site map, or give the row another code.</source>
      <translation>{sheet} 시트 {row}행: {code} 자리는 다른 구역에 그려져 있습니다. 배치도에서 옮기거나 그 행에 다른 번호를 주십시오.</translation>
    </message>
    <message>
      <source>Several troupes are called '{value}'; fill in the City to tell them apart.</source>
      <translation>'{value}'(이)라는 공연단이 여럿입니다. 구별할 수 있도록 도시를 입력하십시오.</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>시트</translation>
    </message>
    <message>
      <source>Sheet '{sheet}' of {path} declares {rows} rows and {columns} columns; at most {max_rows} rows and {max_columns} columns can be imported.</source>
      <translation>{path}의 '{sheet}' 시트는 {rows}행 {columns}열입니다. 최대 {max_rows}행 {max_columns}열까지 가져올 수 있습니다.</translation>
    </message>
    <message>
      <source>Sheet '{sheet}' of {path} has more than {max_rows} rows; split the file.</source>
      <translation>{path}의 '{sheet}' 시트가 {max_rows}행을 넘습니다. 파일을 나누십시오.</translation>
    </message>
    <message>
      <source>The columns for {header} disagree ({values}); correct one of them.</source>
      <translation>{header} 열들의 값이 서로 다릅니다({values}). 그중 하나를 고치십시오.</translation>
    </message>
    <message>
      <source>The import could not be written: {detail}. Nothing was changed.</source>
      <translation>가져온 내용을 저장하지 못했습니다: {detail}. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
      <source>The sheet has no column '{header}' ({korean}); it is required.</source>
      <translation>시트에 필수 열 '{header}'({korean})이(가) 없습니다.</translation>
    </message>
    <message>
      <source>The workbook could not be read: {detail}</source>
      <translation>엑셀 파일을 읽지 못했습니다: {detail}</translation>
    </message>
    <message>
      <source>The workbook has {count} rows with errors; nothing was imported.</source>
      <translation>엑셀 파일에 오류가 있는 행이 {count}개 있어 아무것도 가져오지 않았습니다.</translation>
    </message>
    <message>
      <source>The {sheet} sheet needs a column '{column}'.</source>
      <translation>{sheet} 시트에 '{column}' 열이 있어야 합니다.</translation>
    </message>
    <message>
      <source>This column appears twice; the first is used.</source>
      <translation>이 열이 두 번 있습니다. 첫 번째 열을 사용합니다.</translation>
    </message>
    <message>
      <source>This is the same record as row {first}.</source>
      <translation>{first}행과 같은 기록입니다.</translation>
    </message>
    <message>
      <source>This is the template's example row; it was skipped.</source>
      <translation>서식의 예시 행이어서 건너뛰었습니다.</translation>
    </message>
    <message>
      <source>This record is also in sheet '{sheet}' row {row} with other values; change it in one place only.</source>
      <translation>이 기록은 '{sheet}' 시트 {row}행에도 다른 값으로 있습니다. 한 곳에서만 바꾸십시오.</translation>
    </message>
    <message>
      <source>This row matches several booths ({codes}); give the booth's code.</source>
      <translation>이 행에 해당하는 부스가 여럿입니다({codes}). 부스 번호를 입력하십시오.</translation>
    </message>
    <message>
      <source>This sheet is not part of the import format and was skipped.</source>
      <translation>가져오기 서식에 없는 시트여서 건너뛰었습니다.</translation>
    </message>
    <message>
      <source>Title is required.</source>
      <translation>제목은 필수입니다.</translation>
    </message>
    <message>
      <source>Unchanged</source>
      <translation>변경 없음</translation>
    </message>
    <message>
      <source>Updated</source>
      <translation>수정함</translation>
    </message>
    <message>
      <source>Venue is required to add a booth.</source>
      <translation>부스를 추가하려면 장소를 입력해야 합니다.</translation>
    </message>
    <message>
      <source>Warnings ({count}):</source>
      <translation>경고 ({count}):</translation>
    </message>
    <message>
      <source>all days</source>
      <translation>전체 축제일</translation>
    </message>
    <message>
      <source>no</source>
      <translation>아니요</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>예</translation>
    </message>
    <message>
      <source>{code} drawn</source>
      <translation>{code} 새로 그림</translation>
    </message>
    <message>
      <source>{column}: {before} → {after}</source>
      <translation>{column}: {before} → {after}</translation>
    </message>
    <message>
      <source>{date} is not a festival day (the days are {days}).</source>
      <translation>{date}은(는) 축제일이 아닙니다(축제일: {days}).</translation>
    </message>
    <message>
      <source>{header} cannot be cleared; fill in a value or leave the cell blank to keep it.</source>
      <translation>{header}은(는) 비울 수 없습니다. 값을 입력하거나, 지금 값을 그대로 두려면 셀을 빈 칸으로 두십시오.</translation>
    </message>
    <message>
      <source>{header} is required.</source>
      <translation>{header}은(는) 필수입니다.</translation>
    </message>
    <message>
      <source>{path} contains XML constructs that are not allowed (such as entity definitions).</source>
      <translation>{path}에 허용되지 않는 XML 구조(엔터티 정의 등)가 있습니다.</translation>
    </message>
    <message>
      <source>{path} could not be read: {detail}.</source>
      <translation>{path}을(를) 읽지 못했습니다: {detail}.</translation>
    </message>
    <message>
      <source>{path} does not exist.</source>
      <translation>{path}이(가) 없습니다.</translation>
    </message>
    <message>
      <source>{path} has none of the sheets Days, Venues, Troupes, Program or Booths (or 일정, 장소, 공연단, 프로그램, 부스).</source>
      <translation>{path}에 일정, 장소, 공연단, 프로그램, 부스(또는 Days, Venues, Troupes, Program, Booths) 시트가 하나도 없습니다.</translation>
    </message>
    <message>
      <source>{path} is a CSV text file; open it in Excel and save it as an Excel workbook (.xlsx) first.</source>
      <translation>{path}은(는) CSV 텍스트 파일입니다. 엑셀에서 열어 엑셀 파일(.xlsx)로 먼저 저장하십시오.</translation>
    </message>
    <message>
      <source>{path} is an image, not an Excel workbook.</source>
      <translation>{path}은(는) 엑셀 파일이 아니라 이미지입니다.</translation>
    </message>
    <message>
      <source>{path} is an old Excel 97-2003 workbook (.xls); open it in Excel and save it as .xlsx first.</source>
      <translation>{path}은(는) 예전 형식의 엑셀 파일(엑셀 97-2003, .xls)입니다. 엑셀에서 열어 .xlsx로 먼저 저장하십시오.</translation>
    </message>
    <message>
      <source>{path} is damaged and cannot be read ({detail}).</source>
      <translation>{path}이(가) 손상되어 읽을 수 없습니다({detail}).</translation>
    </message>
    <message>
      <source>{path} is empty, not an Excel workbook.</source>
      <translation>{path}은(는) 빈 파일이며 엑셀 파일이 아닙니다.</translation>
    </message>
    <message>
      <source>{path} is far larger inside than an application form can be ({detail}); it was not opened.</source>
      <translation>{path}은(는) 내용이 신청서로 보기에 지나치게 큽니다({detail}). 열지 않았습니다.</translation>
    </message>
    <message>
      <source>{path} is not a file.</source>
      <translation>{path}은(는) 파일이 아닙니다.</translation>
    </message>
    <message>
      <source>{path} is not an Excel workbook (.xlsx).</source>
      <translation>{path}은(는) 엑셀 파일(.xlsx)이 아닙니다.</translation>
    </message>
    <message>
      <source>{path} is protected with a password; save an unprotected copy and import that.</source>
      <translation>{path}은(는) 암호로 보호되어 있습니다. 보호를 해제한 사본을 저장하여 가져오십시오.</translation>
    </message>
    <message>
      <source>{place} matches {record}</source>
      <translation>{place}: {record}에 해당</translation>
    </message>
    <message>
      <source>{place}, new: {record}</source>
      <translation>{place}, 새 기록: {record}</translation>
    </message>
    <message>
      <source>{place}: {record}</source>
      <translation>{place}: {record}</translation>
    </message>
    <message>
      <source>{sheet} row {row}</source>
      <translation>{sheet} 시트 {row}행</translation>
    </message>
  </context>
  <context>
    <name>ImportColumn</name>
    <message>
      <source>Arrival</source>
      <translation>도착</translation>
    </message>
    <message>
      <source>Booth spaces</source>
      <translation>부스 자리 수</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>수용 인원</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>분류</translation>
    </message>
    <message>
      <source>Changeover (min)</source>
      <translation>전환 시간(분)</translation>
    </message>
    <message>
      <source>City</source>
      <translation>도시</translation>
    </message>
    <message>
      <source>City (Korean)</source>
      <translation>도시 (한국어)</translation>
    </message>
    <message>
      <source>Closes</source>
      <translation>종료</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>부스 번호</translation>
    </message>
    <message>
      <source>Code prefix</source>
      <translation>번호 접두어</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>연락처</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>국가</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>날짜</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>축제일</translation>
    </message>
    <message>
      <source>Days</source>
      <translation>축제일</translation>
    </message>
    <message>
      <source>Departure</source>
      <translation>출발</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>이메일</translation>
    </message>
    <message>
      <source>End</source>
      <translation>종료</translation>
    </message>
    <message>
      <source>Exhibitor</source>
      <translation>운영자</translation>
    </message>
    <message>
      <source>Gas</source>
      <translation>가스</translation>
    </message>
    <message>
      <source>Genre</source>
      <translation>장르</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>종류</translation>
    </message>
    <message>
      <source>Min changeover (min)</source>
      <translation>최소 전환 시간(분)</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>이름</translation>
    </message>
    <message>
      <source>Name (Korean)</source>
      <translation>이름 (한국어)</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>비고</translation>
    </message>
    <message>
      <source>Opens</source>
      <translation>시작</translation>
    </message>
    <message>
      <source>Organization</source>
      <translation>기관</translation>
    </message>
    <message>
      <source>Performers</source>
      <translation>출연</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>전화</translation>
    </message>
    <message>
      <source>Power</source>
      <translation>전기</translation>
    </message>
    <message>
      <source>Relation</source>
      <translation>관계</translation>
    </message>
    <message>
      <source>Setup (min)</source>
      <translation>준비 시간(분)</translation>
    </message>
    <message>
      <source>Staff</source>
      <translation>인원</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>시작</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>상태</translation>
    </message>
    <message>
      <source>Teardown (min)</source>
      <translation>철수 시간(분)</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>제목</translation>
    </message>
    <message>
      <source>Title (Korean)</source>
      <translation>제목 (한국어)</translation>
    </message>
    <message>
      <source>Troupe</source>
      <translation>공연단</translation>
    </message>
    <message>
      <source>Troupe (Korean)</source>
      <translation>공연단 (한국어)</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>장소</translation>
    </message>
    <message>
      <source>Water</source>
      <translation>수도</translation>
    </message>
    <message>
      <source>Zone</source>
      <translation>권역</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>(empty)</source>
      <translation>(비어 있음)</translation>
    </message>
    <message>
      <source>1 record stays unchanged</source>
      <translation>변경 없는 기록 1건</translation>
    </message>
    <message>
      <source>1 record will be created</source>
      <translation>새로 만들 기록 1건</translation>
    </message>
    <message>
      <source>1 record will be updated</source>
      <translation>수정할 기록 1건</translation>
    </message>
    <message>
      <source>After</source>
      <translation>변경 후</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>변경 전</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>변경 사항</translation>
    </message>
    <message>
      <source>Changes: none can be imported until every row is right.</source>
      <translation>변경 사항: 모든 행이 올바를 때까지 아무것도 가져올 수 없습니다.</translation>
    </message>
    <message>
      <source>Changes: untick any you do not want; each opens on its fields.</source>
      <translation>변경 사항: 원하지 않는 변경은 선택을 해제하십시오. 변경을 펼치면 열마다 바뀌는 값이 보입니다.</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>선택…</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>열</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>새로 만듦</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>오류</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx *.xlsm)</source>
      <translation>엑셀 파일 (*.xlsx *.xlsm)</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>가져오기</translation>
    </message>
    <message>
      <source>Import applications</source>
      <translation>신청서 가져오기</translation>
    </message>
    <message>
      <source>Import applications from Excel</source>
      <translation>엑셀 신청서 가져오기</translation>
    </message>
    <message>
      <source>Import failed</source>
      <translation>가져오기 실패</translation>
    </message>
    <message>
      <source>Import {0}</source>
      <translation>{0} 가져오기</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>종류</translation>
    </message>
    <message>
      <source>Nothing to import: all {0} rows match the festival already.</source>
      <translation>가져올 것이 없습니다. {0}행 모두 이미 축제와 같습니다.</translation>
    </message>
    <message>
      <source>Nothing to import: the one row matches the festival already.</source>
      <translation>가져올 것이 없습니다. 하나뿐인 행이 이미 축제와 같습니다.</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>문제</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>문제</translation>
    </message>
    <message>
      <source>Problems: {0} errors, {1} warnings</source>
      <translation>문제: 오류 {0}건, 경고 {1}건</translation>
    </message>
    <message>
      <source>Reading rows: {0}</source>
      <translation>행 읽는 중: {0}</translation>
    </message>
    <message>
      <source>Reading was cancelled.</source>
      <translation>읽기를 취소했습니다.</translation>
    </message>
    <message>
      <source>Reading {0}…</source>
      <translation>{0} 읽는 중…</translation>
    </message>
    <message>
      <source>Ready: {0}, {1}, {2}.</source>
      <translation>준비 완료: {0}, {1}, {2}.</translation>
    </message>
    <message>
      <source>Record or field</source>
      <translation>기록 또는 열</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>행</translation>
    </message>
    <message>
      <source>Rows with errors</source>
      <translation>오류가 있는 행</translation>
    </message>
    <message>
      <source>Rows with errors: {0}. Correct them in the workbook and read it again; nothing can be imported until every row is right.</source>
      <translation>오류가 있는 행: {0}. 엑셀 파일에서 고친 뒤 다시 읽으십시오. 모든 행이 올바를 때까지 가져올 수 없습니다.</translation>
    </message>
    <message>
      <source>Save import template</source>
      <translation>가져오기 서식 저장</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>시트</translation>
    </message>
    <message>
      <source>Spaces sheet</source>
      <translation>부스 자리 시트</translation>
    </message>
    <message>
      <source>Template not saved</source>
      <translation>서식을 저장하지 못함</translation>
    </message>
    <message>
      <source>Template saved</source>
      <translation>서식 저장됨</translation>
    </message>
    <message>
      <source>The details list every space, before and after.</source>
      <translation>자세히 보기에 자리마다 바뀌기 전과 후가 나와 있습니다.</translation>
    </message>
    <message>
      <source>The import template was saved as {0}.</source>
      <translation>가져오기 서식을 {0}(으)로 저장했습니다.</translation>
    </message>
    <message>
      <source>The ticked changes need some that are unticked (see the problems); tick those too, or untick the changes that need them.</source>
      <translation>선택한 변경 사항 중에 선택하지 않은 변경 사항이 필요한 것이 있습니다(문제 참조). 그 변경 사항도 선택하거나, 그것이 필요한 변경 사항의 선택을 해제하십시오.</translation>
    </message>
    <message>
      <source>The workbook's Spaces sheet also changes the site maps, in the same step as the import: new spaces {0}, changed spaces {1}.</source>
      <translation>통합 문서의 부스 자리 시트는 가져오기와 한 단계로 배치도도 바꿉니다: 새 자리 {0}개, 바뀌는 자리 {1}개.</translation>
    </message>
    <message>
      <source>Tick all</source>
      <translation>모두 선택</translation>
    </message>
    <message>
      <source>Type the path of an .xlsx file and press Enter, or choose one</source>
      <translation>.xlsx 파일의 경로를 입력하고 Enter 키를 누르거나 파일을 선택하십시오</translation>
    </message>
    <message>
      <source>Unchanged</source>
      <translation>변경 없음</translation>
    </message>
    <message>
      <source>Untick all</source>
      <translation>모두 선택 해제</translation>
    </message>
    <message>
      <source>Updated</source>
      <translation>수정함</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>경고</translation>
    </message>
    <message>
      <source>Workbook:</source>
      <translation>엑셀 파일:</translation>
    </message>
    <message>
      <source>festival-import-template.xlsx</source>
      <translation>축제-가져오기-서식.xlsx</translation>
    </message>
    <message>
      <source>{0} of {1} changes are unticked and will not be imported.</source>
      <translation>변경 사항 {1}건 중 {0}건은 선택하지 않아 가져오지 않습니다.</translation>
    </message>
    <message>
      <source>{0} records stay unchanged</source>
      <translation>변경 없는 기록 {0}건</translation>
    </message>
    <message>
      <source>{0} records will be created</source>
      <translation>새로 만들 기록 {0}건</translation>
    </message>
    <message>
      <source>{0} records will be updated</source>
      <translation>수정할 기록 {0}건</translation>
    </message>
  </context>
  <context>
    <name>ImportList</name>
    <message>
      <source>category</source>
      <translation>분류</translation>
    </message>
    <message>
      <source>program kind</source>
      <translation>프로그램 종류</translation>
    </message>
    <message>
      <source>relation</source>
      <translation>관계</translation>
    </message>
    <message>
      <source>status</source>
      <translation>상태</translation>
    </message>
    <message>
      <source>venue kind</source>
      <translation>장소 종류</translation>
    </message>
  </context>
  <context>
    <name>ImportSheet</name>
    <message>
      <source>Booths</source>
      <translation>부스</translation>
    </message>
    <message>
      <source>Days</source>
      <translation>축제일</translation>
    </message>
    <message>
      <source>Festival</source>
      <translation>축제</translation>
    </message>
    <message>
      <source>Program</source>
      <translation>프로그램</translation>
    </message>
    <message>
      <source>Troupes</source>
      <translation>공연단</translation>
    </message>
    <message>
      <source>Venues</source>
      <translation>장소</translation>
    </message>
  </context>
  <context>
    <name>ItemKind</name>
    <message>
      <source>Ceremony</source>
      <translation>기념식</translation>
    </message>
    <message>
      <source>Encore</source>
      <translation>앙코르</translation>
    </message>
    <message>
      <source>Finale</source>
      <translation>피날레</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>기타</translation>
    </message>
    <message>
      <source>Parade</source>
      <translation>퍼레이드</translation>
    </message>
    <message>
      <source>Performance</source>
      <translation>공연</translation>
    </message>
  </context>
  <context>
    <name>ItemStatus</name>
    <message>
      <source>Cancelled</source>
      <translation>취소</translation>
    </message>
    <message>
      <source>Confirmed</source>
      <translation>확정</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>초안</translation>
    </message>
  </context>
  <context>
    <name>LockDialog</name>
    <message>
      <source>Cannot open</source>
      <translation>열 수 없음</translation>
    </message>
    <message>
      <source>Only one person can edit the festival at a time. You can open it read-only to look and print; ask them to close it to edit it here.</source>
      <translation>축제 파일은 한 번에 한 사람만 편집할 수 있습니다. 읽기 전용으로 열어 보고 인쇄할 수 있습니다. 여기서 편집하려면 상대방에게 파일을 닫아 달라고 요청하십시오.</translation>
    </message>
    <message>
      <source>Open read-only</source>
      <translation>읽기 전용으로 열기</translation>
    </message>
    <message>
      <source>Opened by {0} since {1}.</source>
      <translation>{0}이(가) {1}부터 열고 있습니다.</translation>
    </message>
    <message>
      <source>Take it over to edit it here. Every change made there was already saved in the file. If the other program is in fact still open, open read-only instead.</source>
      <translation>넘겨받아 여기서 편집하십시오. 그곳에서 한 변경은 모두 이미 파일에 저장되어 있습니다. 다른 프로그램이 실제로 아직 열려 있다면 읽기 전용으로 여십시오.</translation>
    </message>
    <message>
      <source>Take over and edit</source>
      <translation>넘겨받아 편집</translation>
    </message>
    <message>
      <source>The festival file is in use</source>
      <translation>축제 파일이 사용 중입니다</translation>
    </message>
    <message>
      <source>The festival file was not closed properly</source>
      <translation>축제 파일이 제대로 닫히지 않았습니다</translation>
    </message>
    <message>
      <source>{0} had this file open since {1}, but that program is no longer running (it may have crashed, or the computer was switched off).</source>
      <translation>{0}이(가) {1}부터 이 파일을 열고 있었으나 그 프로그램은 더 이상 실행 중이 아닙니다(비정상 종료되었거나 컴퓨터가 꺼졌을 수 있습니다).</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;About</source>
      <translation>정보(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Add…</source>
      <translation>추가(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Back up now</source>
      <translation>지금 백업(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>삭제(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>편집(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>편집(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Export…</source>
      <translation>내보내기(&amp;X)…</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>파일(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Find</source>
      <translation>찾기(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>도움말(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Import applications…</source>
      <translation>신청서 가져오기(&amp;I)…</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>언어(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;New festival file…</source>
      <translation>새 축제 파일(&amp;N)…</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>열기(&amp;O)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Settings</source>
      <translation>설정(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Tools</source>
      <translation>도구(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>보기(&amp;V)</translation>
    </message>
    <message>
      <source>(no recent files)</source>
      <translation>(최근 파일 없음)</translation>
    </message>
    <message>
      <source>Add '{0}'</source>
      <translation>'{0}' 추가</translation>
    </message>
    <message>
      <source>Add booth '{0}'</source>
      <translation>부스 '{0}' 추가</translation>
    </message>
    <message>
      <source>Add day {0}</source>
      <translation>축제일 {0} 추가</translation>
    </message>
    <message>
      <source>Add troupe '{0}'</source>
      <translation>공연단 '{0}' 추가</translation>
    </message>
    <message>
      <source>Add venue '{0}'</source>
      <translation>장소 '{0}' 추가</translation>
    </message>
    <message>
      <source>As the system</source>
      <translation>시스템 설정에 따름</translation>
    </message>
    <message>
      <source>Backed up to {0}</source>
      <translation>{0}에 백업했습니다</translation>
    </message>
    <message>
      <source>Booths</source>
      <translation>부스</translation>
    </message>
    <message>
      <source>Cannot open</source>
      <translation>열 수 없음</translation>
    </message>
    <message>
      <source>Change day {0}</source>
      <translation>축제일 {0} 변경</translation>
    </message>
    <message>
      <source>Choose another file than the one open.</source>
      <translation>지금 열린 파일이 아닌 다른 파일을 고르십시오.</translation>
    </message>
    <message>
      <source>Delete '{0}'</source>
      <translation>'{0}' 삭제</translation>
    </message>
    <message>
      <source>Delete booth '{0}'</source>
      <translation>부스 '{0}' 삭제</translation>
    </message>
    <message>
      <source>Delete day {0}</source>
      <translation>축제일 {0} 삭제</translation>
    </message>
    <message>
      <source>Delete the booth {0}?</source>
      <translation>부스 {0}을(를) 삭제하시겠습니까?</translation>
    </message>
    <message>
      <source>Delete the festival day {0}?</source>
      <translation>축제일 {0}을(를) 삭제하시겠습니까?</translation>
    </message>
    <message>
      <source>Delete the program item '{0}'?</source>
      <translation>프로그램 항목 '{0}'을(를) 삭제하시겠습니까?</translation>
    </message>
    <message>
      <source>Delete the troupe '{0}'?</source>
      <translation>공연단 '{0}'을(를) 삭제하시겠습니까?</translation>
    </message>
    <message>
      <source>Delete the venue '{0}'?</source>
      <translation>장소 '{0}'을(를) 삭제하시겠습니까?</translation>
    </message>
    <message>
      <source>Delete these {0} booths?</source>
      <translation>부스 {0}개를 삭제하시겠습니까?</translation>
    </message>
    <message>
      <source>Delete these {0} festival days?</source>
      <translation>축제일 {0}일을 삭제하시겠습니까?</translation>
    </message>
    <message>
      <source>Delete these {0} program items?</source>
      <translation>프로그램 항목 {0}개를 삭제하시겠습니까?</translation>
    </message>
    <message>
      <source>Delete these {0} troupes?</source>
      <translation>공연단 {0}개를 삭제하시겠습니까?</translation>
    </message>
    <message>
      <source>Delete these {0} venues?</source>
      <translation>장소 {0}곳을 삭제하시겠습니까?</translation>
    </message>
    <message>
      <source>Delete troupe '{0}'</source>
      <translation>공연단 '{0}' 삭제</translation>
    </message>
    <message>
      <source>Delete venue '{0}'</source>
      <translation>장소 '{0}' 삭제</translation>
    </message>
    <message>
      <source>Delete {0} booths</source>
      <translation>부스 {0}개 삭제</translation>
    </message>
    <message>
      <source>Delete {0} days</source>
      <translation>축제일 {0}일 삭제</translation>
    </message>
    <message>
      <source>Delete {0} program items</source>
      <translation>프로그램 항목 {0}개 삭제</translation>
    </message>
    <message>
      <source>Delete {0} troupes</source>
      <translation>공연단 {0}개 삭제</translation>
    </message>
    <message>
      <source>Delete {0} venues</source>
      <translation>장소 {0}곳 삭제</translation>
    </message>
    <message>
      <source>Edit '{0}'</source>
      <translation>'{0}' 편집</translation>
    </message>
    <message>
      <source>Edit booth '{0}'</source>
      <translation>부스 '{0}' 편집</translation>
    </message>
    <message>
      <source>Edit troupe '{0}'</source>
      <translation>공연단 '{0}' 편집</translation>
    </message>
    <message>
      <source>Edit venue '{0}'</source>
      <translation>장소 '{0}' 편집</translation>
    </message>
    <message>
      <source>Festival</source>
      <translation>축제</translation>
    </message>
    <message>
      <source>Festival files (*.sqlite3 *.festival *.db);;All files (*)</source>
      <translation>축제 파일 (*.sqlite3 *.festival *.db);;모든 파일 (*)</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>언어</translation>
    </message>
    <message>
      <source>New festival file</source>
      <translation>새 축제 파일</translation>
    </message>
    <message>
      <source>Not backed up</source>
      <translation>백업하지 못함</translation>
    </message>
    <message>
      <source>Not created</source>
      <translation>만들지 못함</translation>
    </message>
    <message>
      <source>Not saved</source>
      <translation>저장하지 못함</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
      <source>Open festival file</source>
      <translation>축제 파일 열기</translation>
    </message>
    <message>
      <source>Program</source>
      <translation>프로그램</translation>
    </message>
    <message>
      <source>Save a &amp;copy as…</source>
      <translation>사본으로 저장(&amp;C)…</translation>
    </message>
    <message>
      <source>Save a copy as</source>
      <translation>사본으로 저장</translation>
    </message>
    <message>
      <source>Save import &amp;template…</source>
      <translation>가져오기 서식 저장(&amp;T)…</translation>
    </message>
    <message>
      <source>Saved a copy as {0}</source>
      <translation>사본을 {0}(으)로 저장했습니다</translation>
    </message>
    <message>
      <source>Search booths (code, country in Korean or English, organization, exhibitor, contact…)</source>
      <translation>부스 검색 (부스 번호, 국가(한국어·영어), 기관, 운영자, 연락처…)</translation>
    </message>
    <message>
      <source>Search days</source>
      <translation>축제일 검색</translation>
    </message>
    <message>
      <source>Search the program (title, venue, troupe, status…)</source>
      <translation>프로그램 검색 (제목, 장소, 공연단, 상태…)</translation>
    </message>
    <message>
      <source>Search troupes (name, city, country, genre, contact…)</source>
      <translation>공연단 검색 (이름, 도시, 국가, 장르, 연락처…)</translation>
    </message>
    <message>
      <source>Search venues (name in Korean or English, zone, kind…)</source>
      <translation>장소 검색 (한국어·영어 이름, 권역, 종류…)</translation>
    </message>
    <message>
      <source>Seoul Friendship Festival organizer {0}

Venues, days, troupes, the stage program and country booths in one festival file. Every change is saved as it is made.</source>
      <translation>서울세계도시문화축제 운영 프로그램 {0}

장소, 축제일, 공연단, 무대 프로그램과 국가별 부스를 하나의 축제 파일로 관리합니다. 모든 변경은 할 때마다 저장됩니다.</translation>
    </message>
    <message>
      <source>The language was saved, but FESTIVAL_APP_LANG is set and decides the language while it is.</source>
      <translation>언어를 저장했습니다. 다만 FESTIVAL_APP_LANG이 설정되어 있는 동안에는 그 값에 따른 언어가 쓰입니다.</translation>
    </message>
    <message>
      <source>The new language is used from the next start. Close the program and open it again to see it.</source>
      <translation>새 언어는 다음에 시작할 때부터 적용됩니다. 프로그램을 닫고 다시 열면 바뀐 언어로 보입니다.</translation>
    </message>
    <message>
      <source>This festival file is open read-only: you can look and search, but not change anything. (It may be write-protected, or in use on another computer.)</source>
      <translation>이 축제 파일은 읽기 전용으로 열려 있습니다. 보고 검색할 수는 있지만 바꿀 수는 없습니다. (쓰기 금지되어 있거나 다른 컴퓨터에서 사용 중일 수 있습니다.)</translation>
    </message>
    <message>
      <source>Troupes</source>
      <translation>공연단</translation>
    </message>
    <message>
      <source>Venues</source>
      <translation>장소</translation>
    </message>
    <message>
      <source>{0} [read-only] – Seoul Friendship Festival organizer</source>
      <translation>{0} [읽기 전용] – 서울세계도시문화축제 운영 프로그램</translation>
    </message>
    <message>
      <source>{0} already exists; it was left unchanged. Choose a new name.</source>
      <translation>{0}이(가) 이미 있어 그대로 두었습니다. 새 이름을 고르십시오.</translation>
    </message>
    <message>
      <source>{0} booths · {1} troupes · {2} program items</source>
      <translation>부스({0}) · 공연단 {1}개 · 프로그램 항목 {2}개</translation>
    </message>
    <message>
      <source>{0} is no longer there; it was removed from the recent files.</source>
      <translation>{0}이(가) 더 이상 없어 최근 파일에서 뺐습니다.</translation>
    </message>
    <message>
      <source>{0} of {1} booths</source>
      <translation>부스 {1}개 중 {0}개</translation>
    </message>
    <message>
      <source>{0} of {1} days</source>
      <translation>축제일 {1}일 중 {0}일</translation>
    </message>
    <message>
      <source>{0} of {1} items</source>
      <translation>항목 {1}개 중 {0}개</translation>
    </message>
    <message>
      <source>{0} of {1} troupes</source>
      <translation>공연단 {1}개 중 {0}개</translation>
    </message>
    <message>
      <source>{0} of {1} venues</source>
      <translation>장소 {1}곳 중 {0}곳</translation>
    </message>
    <message>
      <source>{0} {1}</source>
      <translation>{1} {0}</translation>
    </message>
    <message>
      <source>{0} – Seoul Friendship Festival organizer</source>
      <translation>{0} – 서울세계도시문화축제 운영 프로그램</translation>
    </message>
  </context>
  <context>
    <name>Messages</name>
    <message>
      <source>Delete</source>
      <translation>삭제</translation>
    </message>
    <message>
      <source>Delete the items too</source>
      <translation>프로그램 항목도 삭제</translation>
    </message>
    <message>
      <source>Keep the items without troupe</source>
      <translation>공연단 없이 프로그램 항목 유지</translation>
    </message>
  </context>
  <context>
    <name>MineOnTop</name>
    <message>
      <source>(empty)</source>
      <translation>(비어 있음)</translation>
    </message>
    <message>
      <source>Apply mine on top</source>
      <translation>내 것으로 덮어쓰기</translation>
    </message>
    <message>
      <source>Apply mine on top: your version holds what theirs holds.</source>
      <translation>내 것으로 덮어쓰기: 내 판은 저쪽 판과 같은 값입니다.</translation>
    </message>
    <message>
      <source>Apply mine on top: your version replaces theirs, these fields (theirs → mine):</source>
      <translation>내 것으로 덮어쓰기: 내 판이 저쪽 판을 대신하며, 바뀌는 필드는 다음과 같습니다(저쪽 → 내 것):</translation>
    </message>
    <message>
      <source>Changed elsewhere</source>
      <translation>다른 곳에서 바뀜</translation>
    </message>
    <message>
      <source>Keep theirs</source>
      <translation>저쪽 것 유지</translation>
    </message>
    <message>
      <source>Keep theirs: your change is not saved, and the record is shown as it is now.</source>
      <translation>저쪽 것 유지: 내 변경은 저장되지 않고 기록을 지금 상태로 보여 줍니다.</translation>
    </message>
    <message>
      <source>{column}: {theirs} → {mine}</source>
      <translation>{column}: {theirs} → {mine}</translation>
    </message>
  </context>
  <context>
    <name>ProgramTableModel</name>
    <message>
      <source>'{0}' is not a status.</source>
      <translation>'{0}'은(는) 상태 값이 아닙니다.</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>축제일</translation>
    </message>
    <message>
      <source>End</source>
      <translation>종료</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>종류</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>비고</translation>
    </message>
    <message>
      <source>Setup (min)</source>
      <translation>준비 시간(분)</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>시작</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>상태</translation>
    </message>
    <message>
      <source>Teardown (min)</source>
      <translation>철수 시간(분)</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>제목</translation>
    </message>
    <message>
      <source>Title (Korean)</source>
      <translation>제목 (한국어)</translation>
    </message>
    <message>
      <source>Troupe</source>
      <translation>공연단</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>장소</translation>
    </message>
  </context>
  <context>
    <name>Publish</name>
    <message>
      <source>Booths</source>
      <translation>부스</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>취소</translation>
    </message>
    <message>
      <source>Program</source>
      <translation>프로그램</translation>
    </message>
  </context>
  <context>
    <name>RecordDialog</name>
    <message>
      <source>'{0}' is not a whole number.</source>
      <translation>'{0}'은(는) 정수가 아닙니다.</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(없음)</translation>
    </message>
    <message>
      <source>Add booth</source>
      <translation>부스 추가</translation>
    </message>
    <message>
      <source>Add festival day</source>
      <translation>축제일 추가</translation>
    </message>
    <message>
      <source>Add program item</source>
      <translation>프로그램 항목 추가</translation>
    </message>
    <message>
      <source>Add troupe</source>
      <translation>공연단 추가</translation>
    </message>
    <message>
      <source>Add venue</source>
      <translation>장소 추가</translation>
    </message>
    <message>
      <source>Arrival</source>
      <translation>도착</translation>
    </message>
    <message>
      <source>Blank: not known yet.</source>
      <translation>비워 두면 미정으로 둡니다.</translation>
    </message>
    <message>
      <source>Booth area</source>
      <translation>부스 구역</translation>
    </message>
    <message>
      <source>Booth spaces</source>
      <translation>부스 자리 수</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>수용 인원</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>분류</translation>
    </message>
    <message>
      <source>Changeover (minutes)</source>
      <translation>전환 시간(분)</translation>
    </message>
    <message>
      <source>City</source>
      <translation>도시 (영어)</translation>
    </message>
    <message>
      <source>City (Korean)</source>
      <translation>도시 (한국어)</translation>
    </message>
    <message>
      <source>Closes</source>
      <translation>종료</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>부스 번호</translation>
    </message>
    <message>
      <source>Code prefix</source>
      <translation>번호 접두어</translation>
    </message>
    <message>
      <source>Contact person</source>
      <translation>담당자</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>국가</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>날짜</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>축제일</translation>
    </message>
    <message>
      <source>Days present</source>
      <translation>참가 축제일</translation>
    </message>
    <message>
      <source>Departure</source>
      <translation>출발</translation>
    </message>
    <message>
      <source>Edit booth '{0}'</source>
      <translation>부스 '{0}' 편집</translation>
    </message>
    <message>
      <source>Edit festival day</source>
      <translation>축제일 편집</translation>
    </message>
    <message>
      <source>Edit program item '{0}'</source>
      <translation>프로그램 항목 '{0}' 편집</translation>
    </message>
    <message>
      <source>Edit troupe '{0}'</source>
      <translation>공연단 '{0}' 편집</translation>
    </message>
    <message>
      <source>Edit venue '{0}'</source>
      <translation>장소 '{0}' 편집</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>이메일</translation>
    </message>
    <message>
      <source>Empty until a space is assigned.</source>
      <translation>자리가 배정될 때까지 비워 둡니다.</translation>
    </message>
    <message>
      <source>Empty: the day's hours.</source>
      <translation>비워 두면 축제일 운영 시간을 따릅니다.</translation>
    </message>
    <message>
      <source>End</source>
      <translation>종료</translation>
    </message>
    <message>
      <source>English</source>
      <translation>영어</translation>
    </message>
    <message>
      <source>Enter a date like 2018-09-01.</source>
      <translation>2018-09-01처럼 날짜를 입력하십시오.</translation>
    </message>
    <message>
      <source>Enter a time like 14:30.</source>
      <translation>14:30처럼 시각을 입력하십시오.</translation>
    </message>
    <message>
      <source>Every space of this area is taken.</source>
      <translation>이 부스 구역의 자리가 모두 찼습니다.</translation>
    </message>
    <message>
      <source>Exhibitor</source>
      <translation>운영자</translation>
    </message>
    <message>
      <source>For booth areas: how many numbered spaces (M-01 … M-60).</source>
      <translation>부스 구역용: 번호가 붙은 자리 수 (M-01 … M-60).</translation>
    </message>
    <message>
      <source>For booths of an organization rather than a country.</source>
      <translation>국가가 아닌 기관의 부스용.</translation>
    </message>
    <message>
      <source>Gas</source>
      <translation>가스</translation>
    </message>
    <message>
      <source>Genre</source>
      <translation>장르</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>종류</translation>
    </message>
    <message>
      <source>Korean</source>
      <translation>한국어</translation>
    </message>
    <message>
      <source>Korean and English</source>
      <translation>한국어와 영어</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>이름 (영어)</translation>
    </message>
    <message>
      <source>Name (Korean)</source>
      <translation>이름 (한국어)</translation>
    </message>
    <message>
      <source>Needs</source>
      <translation>필요 설비</translation>
    </message>
    <message>
      <source>None ticked: every day.</source>
      <translation>선택하지 않으면 모든 축제일.</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>비고</translation>
    </message>
    <message>
      <source>Notices in</source>
      <translation>안내문 언어</translation>
    </message>
    <message>
      <source>Opens</source>
      <translation>시작</translation>
    </message>
    <message>
      <source>Organization</source>
      <translation>기관</translation>
    </message>
    <message>
      <source>Performers</source>
      <translation>출연</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>전화</translation>
    </message>
    <message>
      <source>Power</source>
      <translation>전기</translation>
    </message>
    <message>
      <source>Relation to Seoul</source>
      <translation>서울과의 관계</translation>
    </message>
    <message>
      <source>Setup before (minutes)</source>
      <translation>사전 준비 시간(분)</translation>
    </message>
    <message>
      <source>Staff</source>
      <translation>인원</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>시작</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>상태</translation>
    </message>
    <message>
      <source>Teardown after (minutes)</source>
      <translation>사후 철수 시간(분)</translation>
    </message>
    <message>
      <source>The next free space in this area is {0}.</source>
      <translation>이 부스 구역의 다음 빈 자리는 {0}입니다.</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>제목 (영어)</translation>
    </message>
    <message>
      <source>Title (Korean)</source>
      <translation>제목 (한국어)</translation>
    </message>
    <message>
      <source>Troupe</source>
      <translation>공연단</translation>
    </message>
    <message>
      <source>Troupe (Korean)</source>
      <translation>공연단 (한국어)</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>장소</translation>
    </message>
    <message>
      <source>Water</source>
      <translation>수도</translation>
    </message>
    <message>
      <source>Zone</source>
      <translation>권역</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>미정</translation>
    </message>
  </context>
  <context>
    <name>RecordSection</name>
    <message>
      <source>Add…</source>
      <translation>추가…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>삭제</translation>
    </message>
    <message>
      <source>Delete troupes</source>
      <translation>공연단 삭제</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>편집…</translation>
    </message>
    <message>
      <source>Not changed</source>
      <translation>변경하지 못함</translation>
    </message>
    <message>
      <source>Not deleted</source>
      <translation>삭제하지 못함</translation>
    </message>
    <message>
      <source>They have {0} program items: {1}</source>
      <translation>프로그램 항목이 {0}개 있습니다: {1}</translation>
    </message>
    <message>
      <source>This also deletes the site map and its {0} drawn spaces.</source>
      <translation>배치도와 그려 둔 자리 {0}개도 함께 지웁니다.</translation>
    </message>
    <message>
      <source>This also deletes {0} booths: {1}</source>
      <translation>부스 {0}개도 함께 삭제됩니다: {1}</translation>
    </message>
    <message>
      <source>This also deletes {0} program items: {1}</source>
      <translation>프로그램 항목 {0}개도 함께 삭제됩니다: {1}</translation>
    </message>
    <message>
      <source>You can undo this with Edit &gt; Undo.</source>
      <translation>편집 &gt; 실행 취소로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
      <source>… and {0} more</source>
      <translation>… 외 {0}개</translation>
    </message>
  </context>
  <context>
    <name>Relation</name>
    <message>
      <source>Friendship city</source>
      <translation>우호도시</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>기타</translation>
    </message>
    <message>
      <source>Sister city</source>
      <translation>자매도시</translation>
    </message>
  </context>
  <context>
    <name>Release</name>
    <message>
      <source>There is no release called '{name}'. The releases are: {known}.</source>
      <translation>'{name}'이라는 발행판이 없습니다. 발행판: {known}.</translation>
    </message>
  </context>
  <context>
    <name>ReleaseDialog</name>
    <message>
      <source>&amp;Name:</source>
      <translation>이름(&amp;N):</translation>
    </message>
    <message>
      <source>&amp;Release</source>
      <translation>발행판 만들기(&amp;R)</translation>
    </message>
    <message>
      <source>A release freezes the whole program as it is now. It is kept in the festival file and cannot be changed or removed afterwards; printouts name it in their footer, and changes are reported against it.</source>
      <translation>발행판은 지금의 프로그램 전체를 고정합니다. 축제 파일에 보관되며 나중에 바꾸거나 지울 수 없습니다. 인쇄물은 바닥글에 발행판 이름을 적고, 바뀐 점은 발행판과 비교해 보고합니다.</translation>
    </message>
    <message>
      <source>Comment (&amp;English):</source>
      <translation>영어 설명(&amp;E):</translation>
    </message>
    <message>
      <source>Comment (&amp;Korean):</source>
      <translation>한국어 설명(&amp;K):</translation>
    </message>
    <message>
      <source>Release this version</source>
      <translation>이 판을 발행판으로 만들기</translation>
    </message>
    <message>
      <source>This version goes to the printer (the printed baseline)</source>
      <translation>이 판을 인쇄합니다(인쇄 기준판)</translation>
    </message>
  </context>
  <context>
    <name>Releases</name>
    <message>
      <source>&amp;Mark changes since the printed release</source>
      <translation>인쇄한 발행판 이후 바뀐 항목 표시(&amp;M)</translation>
    </message>
    <message>
      <source>&amp;Release this version…</source>
      <translation>이 판을 발행판으로 만들기(&amp;R)…</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>변경 사항</translation>
    </message>
    <message>
      <source>Released {0}: printouts now name it in their footer.</source>
      <translation>{0} 발행판을 만들었습니다. 이제 인쇄물 바닥글에 이 발행판이 적힙니다.</translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <source>Booths</source>
      <translation>부스</translation>
    </message>
    <message>
      <source>Choose how the festival should be put back. What is in the file now is backed up first, so a restore can itself be undone by restoring that backup.</source>
      <translation>축제를 어느 시점으로 되돌릴지 고르십시오. 지금 파일의 내용을 먼저 백업하므로, 그 백업을 복원하면 복원 자체도 되돌릴 수 있습니다.</translation>
    </message>
    <message>
      <source>Not restored</source>
      <translation>복원하지 못함</translation>
    </message>
    <message>
      <source>Program items</source>
      <translation>프로그램 항목</translation>
    </message>
    <message>
      <source>Put the festival back as it was on {0} ({1} troupes, {2} program items, {3} booths)?</source>
      <translation>축제를 {0} 상태(공연단 {1}개, 프로그램 항목 {2}개, 부스 {3}개)로 되돌리시겠습니까?</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>복원</translation>
    </message>
    <message>
      <source>Restore from &amp;backup…</source>
      <translation>백업에서 복원(&amp;B)…</translation>
    </message>
    <message>
      <source>Restore from backup</source>
      <translation>백업에서 복원</translation>
    </message>
    <message>
      <source>Restore the backup</source>
      <translation>백업 복원</translation>
    </message>
    <message>
      <source>Restored. The state before was backed up, so this can be undone.</source>
      <translation>복원했습니다. 복원 전 상태를 백업해 두었으므로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
      <source>Restore…</source>
      <translation>복원…</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>크기</translation>
    </message>
    <message>
      <source>Taken</source>
      <translation>백업 시각</translation>
    </message>
    <message>
      <source>The festival file cannot be opened</source>
      <translation>축제 파일을 열 수 없습니다</translation>
    </message>
    <message>
      <source>There are no backups of this file yet.</source>
      <translation>이 파일의 백업이 아직 없습니다.</translation>
    </message>
    <message>
      <source>Troupes</source>
      <translation>공연단</translation>
    </message>
    <message>
      <source>What is in the file now is backed up first; restore that backup to undo this. Undo and Redo in the Edit menu start afresh.</source>
      <translation>지금 파일의 내용을 먼저 백업합니다. 되돌리려면 그 백업을 복원하십시오. 편집 메뉴의 실행 취소와 다시 실행 기록은 새로 시작합니다.</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>백업 사유</translation>
    </message>
    <message>
      <source>before a restore</source>
      <translation>복원 전</translation>
    </message>
    <message>
      <source>before updating the file format</source>
      <translation>파일 형식 갱신 전</translation>
    </message>
    <message>
      <source>by hand</source>
      <translation>직접 백업</translation>
    </message>
    <message>
      <source>when closed</source>
      <translation>닫을 때</translation>
    </message>
    <message>
      <source>when opened</source>
      <translation>열 때</translation>
    </message>
    <message>
      <source>while working</source>
      <translation>작업 중</translation>
    </message>
  </context>
  <context>
    <name>RowDialog</name>
    <message>
      <source> m</source>
      <translation> m</translation>
    </message>
    <message>
      <source>Depth</source>
      <translation>깊이</translation>
    </message>
    <message>
      <source>First number</source>
      <translation>첫 번호</translation>
    </message>
    <message>
      <source>Gas</source>
      <translation>가스</translation>
    </message>
    <message>
      <source>Line length</source>
      <translation>선 길이</translation>
    </message>
    <message>
      <source>Offers</source>
      <translation>제공 설비</translation>
    </message>
    <message>
      <source>Power</source>
      <translation>전기</translation>
    </message>
    <message>
      <source>Row of spaces</source>
      <translation>자리 줄</translation>
    </message>
    <message>
      <source>Spaces</source>
      <translation>자리 수</translation>
    </message>
    <message>
      <source>Water</source>
      <translation>수도</translation>
    </message>
    <message>
      <source>Width</source>
      <translation>너비</translation>
    </message>
    <message>
      <source>{0} m</source>
      <translation>{0} m</translation>
    </message>
    <message>
      <source>{count} spaces, {first} to {last}</source>
      <translation>자리 {count}개, {first}부터 {last}까지</translation>
    </message>
  </context>
  <context>
    <name>SelfTest</name>
    <message>
      <source>Booth workbook: {0} sheets, {1} booths read back.</source>
      <translation>부스 엑셀 파일: 시트 {0}개, 부스 {1}개를 다시 읽었습니다.</translation>
    </message>
    <message>
      <source>Calendar: {0} events read back.</source>
      <translation>일정 파일: 일정 {0}건을 다시 읽었습니다.</translation>
    </message>
    <message>
      <source>Checked for clashes: {0} found, none of them an error.</source>
      <translation>충돌 검사: {0}건을 찾았으며 오류는 없습니다.</translation>
    </message>
    <message>
      <source>Created the sample festival: {0} troupes, {1} booths, {2} program items.</source>
      <translation>예시 축제를 만들었습니다: 공연단 {0}개, 부스 {1}개, 프로그램 항목 {2}개.</translation>
    </message>
    <message>
      <source>Korean PDF: {0} pages, {1} embedded with glyphs for {2} Hangul syllables; font {3}.</source>
      <translation>한국어 PDF: {0}쪽, 포함된 글꼴 {1}(한글 {2}자의 글리프), 사용한 글꼴 {3}.</translation>
    </message>
    <message>
      <source>Korean titles are not romanized.</source>
      <translation>한국어 제목이 로마자로 바뀌지 않았습니다.</translation>
    </message>
    <message>
      <source>Korean translation loaded ({0}).</source>
      <translation>한국어 번역을 불러왔습니다({0}).</translation>
    </message>
    <message>
      <source>No embedded font of the PDF holds Hangul (fonts: {0}).</source>
      <translation>PDF에 포함된 글꼴 중 한글이 들어 있는 글꼴이 없습니다(글꼴: {0}).</translation>
    </message>
    <message>
      <source>Published: {0} events read back.</source>
      <translation>게시: 항목 {0}개를 다시 읽었습니다.</translation>
    </message>
    <message>
      <source>The Korean translation file is missing.</source>
      <translation>한국어 번역 파일이 없습니다.</translation>
    </message>
    <message>
      <source>The Korean translation is there but not used: {0}</source>
      <translation>한국어 번역 파일이 있지만 쓰이지 않습니다: {0}</translation>
    </message>
    <message>
      <source>The PDF has no pages.</source>
      <translation>PDF에 쪽이 없습니다.</translation>
    </message>
    <message>
      <source>The PDF is cut off or not a PDF.</source>
      <translation>PDF가 잘려 있거나 PDF가 아닙니다.</translation>
    </message>
    <message>
      <source>The PDF uses fonts it does not embed: {0}</source>
      <translation>PDF가 포함하지 않은 글꼴을 사용합니다: {0}</translation>
    </message>
    <message>
      <source>The calendar holds {0} events instead of {1}.</source>
      <translation>일정 파일에 일정이 {1}건이 아니라 {0}건 있습니다.</translation>
    </message>
    <message>
      <source>The published schedule is empty or wrong.</source>
      <translation>게시한 일정이 비어 있거나 잘못되었습니다.</translation>
    </message>
    <message>
      <source>The sample festival came out empty.</source>
      <translation>예시 축제가 비어 있습니다.</translation>
    </message>
    <message>
      <source>The sample festival has {0} clashes marked as errors: {1}</source>
      <translation>예시 축제에 오류로 표시된 충돌이 {0}건 있습니다: {1}</translation>
    </message>
    <message>
      <source>The workbook lists {0} booths instead of {1}.</source>
      <translation>엑셀 파일에 부스가 {1}개가 아니라 {0}개 있습니다.</translation>
    </message>
    <message>
      <source>festival-app {0} self-test</source>
      <translation>festival-app {0} 자체 검사</translation>
    </message>
    <message>
      <source>{0} is not a compiled translation.</source>
      <translation>{0}은(는) 컴파일된 번역 파일이 아닙니다.</translation>
    </message>
  </context>
  <context>
    <name>SiteMap</name>
    <message>
      <source>every space of {area} is taken or blocked</source>
      <translation>{area}의 모든 자리가 찼거나 사용할 수 없습니다</translation>
    </message>
    <message>
      <source>gas</source>
      <translation>가스</translation>
    </message>
    <message>
      <source>no free space in {area} offers {needs}</source>
      <translation>{area}에 {needs}을(를) 제공하는 빈 자리가 없습니다</translation>
    </message>
    <message>
      <source>power</source>
      <translation>전기</translation>
    </message>
    <message>
      <source>water</source>
      <translation>수도</translation>
    </message>
    <message>
      <source>{area} has no spaces on its map</source>
      <translation>{area} 배치도에 자리가 없습니다</translation>
    </message>
  </context>
  <context>
    <name>SiteMapSection</name>
    <message>
      <source>Site map</source>
      <translation>배치도</translation>
    </message>
  </context>
  <context>
    <name>SiteMapWidget</name>
    <message>
      <source> m</source>
      <translation> m</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>적용</translation>
    </message>
    <message>
      <source>Area:</source>
      <translation>구역:</translation>
    </message>
    <message>
      <source>Blocked</source>
      <translation>사용 불가</translation>
    </message>
    <message>
      <source>Change space {0}</source>
      <translation>자리 {0} 변경</translation>
    </message>
    <message>
      <source>Choose a booth in the list and type the code of a space.</source>
      <translation>목록에서 부스를 고르고 자리 번호를 입력하십시오.</translation>
    </message>
    <message>
      <source>Chosen space</source>
      <translation>선택한 자리</translation>
    </message>
    <message>
      <source>Click on the map to draw one space</source>
      <translation>배치도를 클릭하면 자리 하나를 그립니다</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>번호</translation>
    </message>
    <message>
      <source>Code, like M-07</source>
      <translation>번호 (예: M-07)</translation>
    </message>
    <message>
      <source>Degrees from the map's up to north, clockwise:</source>
      <translation>배치도 위쪽에서 북쪽까지 시계 방향 각도:</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>삭제</translation>
    </message>
    <message>
      <source>Delete {0} spaces</source>
      <translation>자리 {0}개 삭제</translation>
    </message>
    <message>
      <source>Drag a line along the street: a row of spaces</source>
      <translation>거리를 따라 선을 끌면 자리 한 줄을 그립니다</translation>
    </message>
    <message>
      <source>Drag between two points of known distance</source>
      <translation>거리를 아는 두 점 사이를 끄십시오</translation>
    </message>
    <message>
      <source>Draw a row of {0} spaces</source>
      <translation>자리 {0}개 한 줄 그리기</translation>
    </message>
    <message>
      <source>Draw space {0}</source>
      <translation>자리 {0} 그리기</translation>
    </message>
    <message>
      <source>Find a booth on the map (country, code…)</source>
      <translation>배치도에서 부스 찾기 (국가, 번호…)</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>전체 보기</translation>
    </message>
    <message>
      <source>Gas</source>
      <translation>가스</translation>
    </message>
    <message>
      <source>How many metres apart are the two points?</source>
      <translation>두 점 사이는 몇 미터입니까?</translation>
    </message>
    <message>
      <source>Legend</source>
      <translation>범례</translation>
    </message>
    <message>
      <source>Move space {0}</source>
      <translation>자리 {0} 이동</translation>
    </message>
    <message>
      <source>Move {0} spaces</source>
      <translation>자리 {0}개 이동</translation>
    </message>
    <message>
      <source>North</source>
      <translation>북쪽</translation>
    </message>
    <message>
      <source>North…</source>
      <translation>북쪽…</translation>
    </message>
    <message>
      <source>Number the {0} chosen spaces from:</source>
      <translation>선택한 자리 {0}개의 첫 번호:</translation>
    </message>
    <message>
      <source>Offers</source>
      <translation>제공 설비</translation>
    </message>
    <message>
      <source>Picture under the map</source>
      <translation>배치도 밑그림</translation>
    </message>
    <message>
      <source>Picture under {0}</source>
      <translation>{0} 밑그림</translation>
    </message>
    <message>
      <source>Pictures (*.png *.jpg *.jpeg)</source>
      <translation>그림 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
      <source>Picture…</source>
      <translation>밑그림…</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>배치</translation>
    </message>
    <message>
      <source>Place the unplaced booths</source>
      <translation>남은 부스 배치</translation>
    </message>
    <message>
      <source>Place {0} on {1}</source>
      <translation>{0}을(를) {1}에 배치</translation>
    </message>
    <message>
      <source>Power</source>
      <translation>전기</translation>
    </message>
    <message>
      <source>Put a picture under the map first; the scale belongs to the picture.</source>
      <translation>먼저 밑그림을 넣으십시오. 축척은 밑그림에 정합니다.</translation>
    </message>
    <message>
      <source>Put a street plan or aerial photo (PNG, JPEG) under the map</source>
      <translation>배치도 밑에 거리 도면이나 항공 사진(PNG, JPEG)을 넣습니다</translation>
    </message>
    <message>
      <source>Put the chosen booth on the space with this code</source>
      <translation>선택한 부스를 이 번호의 자리에 놓습니다</translation>
    </message>
    <message>
      <source>Renumber spaces</source>
      <translation>자리 번호 다시 매기기</translation>
    </message>
    <message>
      <source>Renumber {0} spaces</source>
      <translation>자리 {0}개 번호 다시 매기기</translation>
    </message>
    <message>
      <source>Renumber…</source>
      <translation>번호 매기기…</translation>
    </message>
    <message>
      <source>Rotation</source>
      <translation>회전</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>줄</translation>
    </message>
    <message>
      <source>Scale</source>
      <translation>축척</translation>
    </message>
    <message>
      <source>Select</source>
      <translation>선택</translation>
    </message>
    <message>
      <source>Select and drag spaces; R turns them</source>
      <translation>자리를 선택해 끌어 옮깁니다. R 키로 회전합니다</translation>
    </message>
    <message>
      <source>Set north on {0}</source>
      <translation>{0} 북쪽 설정</translation>
    </message>
    <message>
      <source>Set the scale of {0}</source>
      <translation>{0} 축척 설정</translation>
    </message>
    <message>
      <source>Show the whole area (Ctrl+wheel zooms)</source>
      <translation>구역 전체 보기 (Ctrl+휠로 확대/축소)</translation>
    </message>
    <message>
      <source>Site map</source>
      <translation>배치도</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>크기</translation>
    </message>
    <message>
      <source>Space</source>
      <translation>자리</translation>
    </message>
    <message>
      <source>Space {0}</source>
      <translation>자리 {0}</translation>
    </message>
    <message>
      <source>There is no space {0} on the map.</source>
      <translation>배치도에 자리 {0}이(가) 없습니다.</translation>
    </message>
    <message>
      <source>Turn {0} spaces</source>
      <translation>자리 {0}개 회전</translation>
    </message>
    <message>
      <source>Unplaced booths ({0})</source>
      <translation>배치되지 않은 부스 ({0})</translation>
    </message>
    <message>
      <source>Water</source>
      <translation>수도</translation>
    </message>
    <message>
      <source>Where north is on this map, for the printed arrow</source>
      <translation>인쇄되는 방위 표시를 위해 이 배치도에서 북쪽이 어디인지 정합니다</translation>
    </message>
    <message>
      <source>Why (fire lane, tree…)</source>
      <translation>사유 (소방 도로, 나무…)</translation>
    </message>
    <message>
      <source>{0} booths could not be placed:</source>
      <translation>부스 {0}개는 배치하지 못했습니다:</translation>
    </message>
    <message>
      <source>{0} booths placed.</source>
      <translation>부스 {0}개를 배치했습니다.</translation>
    </message>
    <message>
      <source>{0} cannot be read: {1}</source>
      <translation>{0}을(를) 읽을 수 없습니다: {1}</translation>
    </message>
    <message>
      <source>{0} found</source>
      <translation>{0}개 찾음</translation>
    </message>
    <message>
      <source>{0} spaces chosen</source>
      <translation>자리 {0}개 선택</translation>
    </message>
    <message>
      <source>{category} · needs {needs}</source>
      <translation>{category} · 필요: {needs}</translation>
    </message>
    <message>
      <source>… and {0} more</source>
      <translation>… 외 {0}개</translation>
    </message>
  </context>
  <context>
    <name>StoreError</name>
    <message>
      <source>Could not sign in to {path}: the user name or password was not accepted. Give the password in the PGPASSWORD environment variable or a pgpass file, never in the address.</source>
      <translation>{path}에 로그인할 수 없습니다: 사용자 이름이나 비밀번호가 받아들여지지 않았습니다. 비밀번호는 주소에 넣지 말고 PGPASSWORD 환경 변수나 pgpass 파일로 주세요.</translation>
    </message>
    <message>
      <source>It must be updated to this program's format first, which needs writing.</source>
      <translation>먼저 이 프로그램의 파일 형식으로 갱신해야 하며, 갱신하려면 파일에 쓸 수 있어야 합니다.</translation>
    </message>
    <message>
      <source>The backup could not be made or used: {detail}</source>
      <translation>백업을 만들거나 사용하지 못했습니다: {detail}</translation>
    </message>
    <message>
      <source>The booth {name}</source>
      <translation>부스 {name}</translation>
    </message>
    <message>
      <source>The change could not be written to {path}: {detail}. Nothing was changed; the file is as it was before this edit.</source>
      <translation>변경 내용을 {path}에 저장하지 못했습니다: {detail}. 아무것도 바뀌지 않았으며 파일은 이 편집 전 상태 그대로입니다.</translation>
    </message>
    <message>
      <source>The connection to {path} was lost ({detail}). The last change was not saved; nothing of it was written.</source>
      <translation>{path}와(과)의 연결이 끊어졌습니다({detail}). 마지막 변경은 저장되지 않았고, 그 어떤 부분도 기록되지 않았습니다.</translation>
    </message>
    <message>
      <source>The connection to {path} was lost while the change was being saved ({detail}), so it is not known whether it was saved. When the server is back, everything is read again and shows whether it was.</source>
      <translation>변경 내용을 저장하는 동안 {path}와(과)의 연결이 끊어져서({detail}) 저장되었는지 알 수 없습니다. 서버가 돌아오면 모든 내용을 다시 읽어 저장 여부를 보여 줍니다.</translation>
    </message>
    <message>
      <source>The festival day {name}</source>
      <translation>축제일 {name}</translation>
    </message>
    <message>
      <source>The festival file could not be used: {detail}</source>
      <translation>축제 파일을 사용할 수 없습니다: {detail}</translation>
    </message>
    <message>
      <source>The festival on {path} is in an older format, which this account may not bring up to date. Ask {owner}, who set it up, to open it once with this version of the program. Nothing was changed.</source>
      <translation>{path}의 축제는 이전 형식이고, 이 계정은 그것을 최신으로 바꿀 수 없습니다. 축제를 설정한 {owner}에게 이 버전의 프로그램으로 한 번 열어 달라고 요청하세요. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
      <source>The festival's name and settings</source>
      <translation>축제의 이름과 설정</translation>
    </message>
    <message>
      <source>The folder {folder} does not exist, so {path} cannot be made.</source>
      <translation>{folder} 폴더가 없어 {path} 파일을 만들 수 없습니다.</translation>
    </message>
    <message>
      <source>The map of {name}</source>
      <translation>{name} 배치도</translation>
    </message>
    <message>
      <source>The newest good backup is {backup}, taken {taken}; it can be put in the file's place (on the command line: festival-app restore --db "{path}" --from "{backup}").</source>
      <translation>가장 최근의 정상 백업은 {taken}에 만든 {backup}입니다. 이 백업으로 파일을 대신할 수 있습니다(명령줄: festival-app restore --db "{path}" --from "{backup}").</translation>
    </message>
    <message>
      <source>The printed version</source>
      <translation>인쇄본 표시</translation>
    </message>
    <message>
      <source>The program item '{name}'</source>
      <translation>프로그램 항목 '{name}'</translation>
    </message>
    <message>
      <source>The roles {editors} and {viewers} of {path} could not be created: this account may not create roles. Ask the server's administrator to create them (CREATE ROLE {editors} NOLOGIN; CREATE ROLE {viewers} NOLOGIN), or to run this command. Nothing was changed.</source>
      <translation>{path}의 역할 {editors}와(과) {viewers}을(를) 만들 수 없습니다: 이 계정은 역할을 만들 권한이 없습니다. 서버 관리자에게 역할을 만들어 달라고(CREATE ROLE {editors} NOLOGIN; CREATE ROLE {viewers} NOLOGIN) 하거나 이 명령을 실행해 달라고 요청하세요. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
      <source>The server of {path} cannot be reached ({detail}). Check the address and that the server is running.</source>
      <translation>{path}의 서버에 연결할 수 없습니다({detail}). 주소와 서버가 실행 중인지 확인하세요.</translation>
    </message>
    <message>
      <source>The space {name}</source>
      <translation>자리 {name}</translation>
    </message>
    <message>
      <source>The troupe '{name}'</source>
      <translation>공연단 '{name}'</translation>
    </message>
    <message>
      <source>The venue '{name}'</source>
      <translation>장소 '{name}'</translation>
    </message>
    <message>
      <source>There is no festival file at {path}. Create one with 'festival-app init {path}'.</source>
      <translation>{path}에 축제 파일이 없습니다. 'festival-app init {path}'로 만드십시오.</translation>
    </message>
    <message>
      <source>it does not start with postgresql://</source>
      <translation>postgresql://로 시작하지 않습니다</translation>
    </message>
    <message>
      <source>it holds a password; give the password in PGPASSWORD or a pgpass file instead</source>
      <translation>비밀번호가 들어 있습니다. 비밀번호는 대신 PGPASSWORD나 pgpass 파일로 주세요</translation>
    </message>
    <message>
      <source>it is a database of another program</source>
      <translation>다른 프로그램의 데이터베이스입니다</translation>
    </message>
    <message>
      <source>it is a folder</source>
      <translation>폴더입니다</translation>
    </message>
    <message>
      <source>it is not a database</source>
      <translation>데이터베이스 파일이 아닙니다</translation>
    </message>
    <message>
      <source>it is the festival file itself</source>
      <translation>축제 파일 자체입니다</translation>
    </message>
    <message>
      <source>it names no database at its end (the part after the last /)</source>
      <translation>끝에 데이터베이스 이름(마지막 / 뒤의 부분)이 없습니다</translation>
    </message>
    <message>
      <source>it was not closed properly</source>
      <translation>제대로 닫히지 않았습니다</translation>
    </message>
    <message>
      <source>it was not closed properly last time and can only be repaired where it can be written; copy it to a folder of your own and open it there</source>
      <translation>지난번에 제대로 닫히지 않아 쓰기가 가능한 곳에서만 복구할 수 있습니다. 본인의 폴더로 복사한 뒤 그곳에서 여십시오</translation>
    </message>
    <message>
      <source>its header is damaged</source>
      <translation>파일 머리부가 손상되었습니다</translation>
    </message>
    <message>
      <source>no copy of the damaged file could be kept</source>
      <translation>손상된 파일의 사본을 보관하지 못했습니다</translation>
    </message>
    <message>
      <source>record {record} in '{table}' holds a value that does not exist</source>
      <translation>'{table}'의 기록 {record}에 있을 수 없는 값이 들어 있습니다</translation>
    </message>
    <message>
      <source>the backups folder cannot be written ({error})</source>
      <translation>백업 폴더에 쓸 수 없습니다({error})</translation>
    </message>
    <message>
      <source>the database check found: {found}</source>
      <translation>데이터베이스 검사 결과: {found}</translation>
    </message>
    <message>
      <source>the disk is full</source>
      <translation>디스크가 가득 찼습니다</translation>
    </message>
    <message>
      <source>the disk quota is used up</source>
      <translation>디스크 할당량을 모두 썼습니다</translation>
    </message>
    <message>
      <source>the drive could not be written (removed or failing?)</source>
      <translation>드라이브에 쓸 수 없습니다(분리되었거나 고장 났을 수 있습니다)</translation>
    </message>
    <message>
      <source>the file is cut short</source>
      <translation>파일이 중간에 잘려 있습니다</translation>
    </message>
    <message>
      <source>the file is empty</source>
      <translation>파일이 비어 있습니다</translation>
    </message>
    <message>
      <source>the file would be larger than allowed</source>
      <translation>파일이 허용된 크기보다 커집니다</translation>
    </message>
    <message>
      <source>the lock file could not be created: {error}</source>
      <translation>잠금 파일을 만들지 못했습니다: {error}</translation>
    </message>
    <message>
      <source>there is no database of that name</source>
      <translation>그런 이름의 데이터베이스가 없습니다</translation>
    </message>
    <message>
      <source>{count} records in '{table}' point to records that are missing</source>
      <translation>'{table}'의 기록 {count}건이 없는 기록을 가리킵니다</translation>
    </message>
    <message>
      <source>{detail} was changed by {who} at {when} since it was read here. Nothing was written; the record is shown again as it is now.</source>
      <translation>{detail}은(는) 여기서 읽은 뒤 {when}에 {who}이(가) 변경했습니다. 아무것도 기록되지 않았습니다. 레코드를 지금 상태로 다시 표시합니다.</translation>
    </message>
    <message>
      <source>{detail} was changed elsewhere (by another program or window) since it was read here. Nothing was written; the record is shown again as it is now.</source>
      <translation>여기에서 읽은 뒤에 다른 곳(다른 프로그램이나 창)에서 바뀐 기록입니다: {detail}. 아무것도 쓰지 않았으며 기록을 지금 상태로 다시 보여 줍니다.</translation>
    </message>
    <message>
      <source>{detail} was deleted elsewhere (by another program or window) since it was read here. Nothing was written.</source>
      <translation>여기에서 읽은 뒤에 다른 곳(다른 프로그램이나 창)에서 삭제된 기록입니다: {detail}. 아무것도 쓰지 않았습니다.</translation>
    </message>
    <message>
      <source>{path} already exists; it was left unchanged.</source>
      <translation>{path}이(가) 이미 있어 그대로 두었습니다.</translation>
    </message>
    <message>
      <source>{path} already holds other tables ({detail}). A festival is set up only in an empty database; nothing was changed.</source>
      <translation>{path}에 이미 다른 테이블이 있습니다({detail}). 축제는 빈 데이터베이스에만 설정할 수 있습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
      <source>{path} cannot be restored ({detail}). The festival file was not changed.</source>
      <translation>{path}을(를) 복원할 수 없습니다({detail}). 축제 파일은 바뀌지 않았습니다.</translation>
    </message>
    <message>
      <source>{path} could not be written: {detail}. Nothing was written; a file already there was left unchanged.</source>
      <translation>{path} 파일을 쓰지 못했습니다: {detail}. 아무것도 쓰지 않았으며 이미 있던 파일은 그대로입니다.</translation>
    </message>
    <message>
      <source>{path} holds no festival. Set one up there with 'festival-app server init {path}'.</source>
      <translation>{path}에 축제가 없습니다. 'festival-app server init {path}'로 설정하세요.</translation>
    </message>
    <message>
      <source>{path} is a festival file. An export or copy never replaces a festival file; nothing was written. Choose another file name.</source>
      <translation>{path}은 축제 파일입니다. 내보내기나 복사본은 축제 파일을 대신하지 않으므로 아무것도 쓰지 않았습니다. 다른 파일 이름을 고르세요.</translation>
    </message>
    <message>
      <source>{path} is busy: another program is writing to it. Nothing was changed; try again in a moment.</source>
      <translation>{path} 파일은 사용 중입니다: 다른 프로그램이 쓰고 있습니다. 아무것도 바뀌지 않았습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
      <source>{path} is busy: {who}, who has it open since {since}, is writing to it. Nothing was changed; try again in a moment.</source>
      <translation>{path} 파일은 사용 중입니다: {since}부터 파일을 열고 있는 {who}에서 쓰고 있습니다. 아무것도 바뀌지 않았습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
      <source>{path} is damaged ({detail}). It was not changed.</source>
      <translation>{path}이(가) 손상되었습니다({detail}). 파일은 바뀌지 않았습니다.</translation>
    </message>
    <message>
      <source>{path} is damaged ({detail}). It was not changed; a copy was kept as {copy}.</source>
      <translation>{path}이(가) 손상되었습니다({detail}). 파일은 바뀌지 않았으며 사본을 {copy}(으)로 보관했습니다.</translation>
    </message>
    <message>
      <source>{path} is empty ({detail}), so it is not a usable festival file.</source>
      <translation>{path}이(가) 비어 있어({detail}) 사용할 수 있는 축제 파일이 아닙니다.</translation>
    </message>
    <message>
      <source>{path} is in the backups folder {folder}. An export or copy is never written there; nothing was written. Choose another folder.</source>
      <translation>{path}은 백업 폴더 {folder} 안에 있습니다. 내보내기나 복사본은 그곳에 쓰지 않으므로 아무것도 쓰지 않았습니다. 다른 폴더를 고르세요.</translation>
    </message>
    <message>
      <source>{path} is not a festival file ({detail}). It was left unchanged.</source>
      <translation>{path}은(는) 축제 파일이 아닙니다({detail}). 그대로 두었습니다.</translation>
    </message>
    <message>
      <source>{path} is not a server address that can be used ({detail}). Give one like postgresql://user@host:5432/festival.</source>
      <translation>{path}은(는) 사용할 수 있는 서버 주소가 아닙니다({detail}). postgresql://사용자@호스트:5432/festival 같은 주소(끝은 축제의 데이터베이스 이름)를 주세요.</translation>
    </message>
    <message>
      <source>{path} is open read-only, so this change was not saved. {detail}</source>
      <translation>{path}이(가) 읽기 전용으로 열려 있어 이 변경은 저장되지 않았습니다. {detail}</translation>
    </message>
    <message>
      <source>{path} is opened by {who} since {since}, so it can only be opened read-only now.</source>
      <translation>{who}이(가) {since}부터 {path}을(를) 열고 있어 지금은 읽기 전용으로만 열 수 있습니다.</translation>
    </message>
    <message>
      <source>{path} is the festival file {festival} under another name (a link). An export or copy never replaces it; nothing was written. Choose another file name.</source>
      <translation>{path}은 다른 이름(링크)으로 된 축제 파일 {festival}입니다. 내보내기나 복사본은 축제 파일을 대신하지 않으므로 아무것도 쓰지 않았습니다. 다른 파일 이름을 고르세요.</translation>
    </message>
    <message>
      <source>{path} is the festival file. An export or copy never replaces it; nothing was written. Choose another file name.</source>
      <translation>{path}은 축제 파일입니다. 내보내기나 복사본은 축제 파일을 대신하지 않으므로 아무것도 쓰지 않았습니다. 다른 파일 이름을 고르세요.</translation>
    </message>
    <message>
      <source>{path} is the journal of the festival file {festival}. An export or copy never replaces it; nothing was written. Choose another file name.</source>
      <translation>{path}은 축제 파일 {festival}의 저널 파일입니다. 내보내기나 복사본은 이 파일을 대신하지 않으므로 아무것도 쓰지 않았습니다. 다른 파일 이름을 고르세요.</translation>
    </message>
    <message>
      <source>{path} is the lock file of the festival file {festival}. An export or copy never replaces it; nothing was written. Choose another file name.</source>
      <translation>{path}은 축제 파일 {festival}의 잠금 파일입니다. 내보내기나 복사본은 이 파일을 대신하지 않으므로 아무것도 쓰지 않았습니다. 다른 파일 이름을 고르세요.</translation>
    </message>
    <message>
      <source>{path} was left open by {who} since {since}, but that program is no longer running (it may have crashed). You can take the file over or open it read-only.</source>
      <translation>{who}이(가) {since}부터 {path}을(를) 열어 두었으나 그 프로그램은 더 이상 실행 중이 아닙니다(비정상 종료되었을 수 있습니다). 파일을 넘겨받거나 읽기 전용으로 열 수 있습니다.</translation>
    </message>
    <message>
      <source>{path} was not written: the folder {folder} cannot be written ({detail}). Choose another folder.</source>
      <translation>{path} 파일을 쓰지 않았습니다: {folder} 폴더에 쓸 수 없습니다({detail}). 다른 폴더를 고르세요.</translation>
    </message>
    <message>
      <source>{path} was written by a newer version of this program (file format {found}; this program reads up to {supported}). Please update the program. The file was left unchanged.</source>
      <translation>{path}은(는) 이 프로그램의 새 버전으로 저장되었습니다(파일 형식 {found}, 이 프로그램은 {supported}까지 읽습니다). 프로그램을 업데이트하십시오. 파일은 그대로 두었습니다.</translation>
    </message>
    <message>
      <source>{path}: this account may only read the festival (viewer), so this change was not saved.</source>
      <translation>{path}: 이 계정은 축제를 읽기만 할 수 있어서(보기 전용) 이 변경은 저장되지 않았습니다.</translation>
    </message>
  </context>
  <context>
    <name>TeamMode</name>
    <message>
      <source>Also connected: {0}</source>
      <translation>함께 접속 중: {0}</translation>
    </message>
    <message>
      <source>Cannot connect</source>
      <translation>연결할 수 없음</translation>
    </message>
    <message>
      <source>Connect to &amp;server…</source>
      <translation>서버에 연결(&amp;S)…</translation>
    </message>
    <message>
      <source>Connected again; everything was read afresh.</source>
      <translation>다시 연결되었습니다. 모든 내용을 새로 읽었습니다.</translation>
    </message>
    <message>
      <source>Nobody else connected</source>
      <translation>다른 접속자 없음</translation>
    </message>
    <message>
      <source>Not connected</source>
      <translation>연결 안 됨</translation>
    </message>
    <message>
      <source>The connection to the server is lost ({0}). Changes cannot be saved until it is back; the program tries again by itself.</source>
      <translation>서버와의 연결이 끊어졌습니다({0}). 연결이 돌아올 때까지 변경 내용을 저장할 수 없습니다. 프로그램이 스스로 다시 연결을 시도합니다.</translation>
    </message>
    <message>
      <source>You are signed in as a viewer: you can look, search and export, but not change anything (the server itself refuses a viewer's changes).</source>
      <translation>보기 전용 계정으로 로그인했습니다: 보고, 검색하고, 내보낼 수는 있지만 아무것도 바꿀 수 없습니다(서버 자체가 보기 전용 계정의 변경을 거부합니다).</translation>
    </message>
  </context>
  <context>
    <name>Times</name>
    <message>
      <source>'{0}' is not a date; write it like 2018-09-01.</source>
      <translation>'{0}'은(는) 날짜가 아닙니다. 2018-09-01처럼 입력하십시오.</translation>
    </message>
    <message>
      <source>'{0}' is not a time; write it like 14:30.</source>
      <translation>'{0}'은(는) 시각이 아닙니다. 14:30처럼 입력하십시오.</translation>
    </message>
  </context>
  <context>
    <name>Timetable</name>
    <message>
      <source>&amp;Check clashes</source>
      <translation>충돌 검사(&amp;C)</translation>
    </message>
    <message>
      <source>Changed since the printed release</source>
      <translation>인쇄한 발행판 이후 바뀜</translation>
    </message>
    <message>
      <source>Edit '{0}'</source>
      <translation>'{0}' 편집</translation>
    </message>
    <message>
      <source>Timetable</source>
      <translation>시간표</translation>
    </message>
    <message>
      <source>{title} (cancelled)</source>
      <translation>{title} (취소)</translation>
    </message>
  </context>
  <context>
    <name>TimetableScene</name>
    <message>
      <source>Drop the item on a venue's column.</source>
      <translation>프로그램 항목을 장소 열에 놓으십시오.</translation>
    </message>
    <message>
      <source>{start}–{end} is outside the day ({first}–{last}).</source>
      <translation>{start}–{end}이(가) 축제일 시간({first}–{last})을 벗어납니다.</translation>
    </message>
  </context>
  <context>
    <name>TimetableView</name>
    <message>
      <source>open {opens}–{closes}</source>
      <translation>운영 {opens}–{closes}</translation>
    </message>
  </context>
  <context>
    <name>TimetableWidget</name>
    <message>
      <source>An item must end before midnight.</source>
      <translation>프로그램 항목은 자정 전에 끝나야 합니다.</translation>
    </message>
    <message>
      <source>Change length of '{title}'</source>
      <translation>'{title}' 길이 변경</translation>
    </message>
    <message>
      <source>Choose, hide and reorder the venue columns</source>
      <translation>장소 열 선택, 숨기기, 순서 바꾸기</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>복사</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>삭제</translation>
    </message>
    <message>
      <source>Delete '{title}'</source>
      <translation>'{title}' 삭제</translation>
    </message>
    <message>
      <source>Delete {count} items</source>
      <translation>프로그램 항목 {count}개 삭제</translation>
    </message>
    <message>
      <source>Drag a troupe onto the grid to schedule it.</source>
      <translation>공연단을 시간표로 끌어다 놓아 일정을 잡으십시오.</translation>
    </message>
    <message>
      <source>Duplicate</source>
      <translation>복제</translation>
    </message>
    <message>
      <source>Duplicate '{title}'</source>
      <translation>'{title}' 복제</translation>
    </message>
    <message>
      <source>Duplicate to {day}</source>
      <translation>{day}(으)로 복제</translation>
    </message>
    <message>
      <source>Duplicate {count} items</source>
      <translation>프로그램 항목 {count}개 복제</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>편집…</translation>
    </message>
    <message>
      <source>Move '{title}'</source>
      <translation>'{title}' 이동</translation>
    </message>
    <message>
      <source>Move {count} items</source>
      <translation>프로그램 항목 {count}개 이동</translation>
    </message>
    <message>
      <source>Paste</source>
      <translation>붙여넣기</translation>
    </message>
    <message>
      <source>Paste {count} items</source>
      <translation>프로그램 항목 {count}개 붙여넣기</translation>
    </message>
    <message>
      <source>Schedule '{name}'</source>
      <translation>'{name}' 일정 잡기</translation>
    </message>
    <message>
      <source>Show cancelled</source>
      <translation>취소 항목 표시</translation>
    </message>
    <message>
      <source>Show cancelled items greyed out, or hide them</source>
      <translation>취소된 항목을 흐리게 표시하거나 숨깁니다</translation>
    </message>
    <message>
      <source>This festival file is open read-only: nothing was changed.</source>
      <translation>이 축제 파일은 읽기 전용으로 열려 있어 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
      <source>Unscheduled troupes</source>
      <translation>일정 없는 공연단</translation>
    </message>
    <message>
      <source>Venues…</source>
      <translation>장소…</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>확대</translation>
    </message>
    <message>
      <source>Zoom in (Ctrl++)</source>
      <translation>확대 (Ctrl++)</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>축소</translation>
    </message>
    <message>
      <source>Zoom out (Ctrl+-)</source>
      <translation>축소 (Ctrl+-)</translation>
    </message>
    <message>
      <source>Zoom:</source>
      <translation>배율:</translation>
    </message>
    <message>
      <source>{count} item(s) copied; paste them on any day.</source>
      <translation>프로그램 항목 {count}개를 복사했습니다. 어느 축제일에나 붙여넣을 수 있습니다.</translation>
    </message>
    <message>
      <source>{message} (acknowledged: {reason})</source>
      <translation>{message} (인정 사유: {reason})</translation>
    </message>
    <message>
      <source>{venue} is hidden on the timetable; show it with Venues….</source>
      <translation>{venue}은(는) 시간표에서 숨겨져 있습니다. 장소…에서 표시하십시오.</translation>
    </message>
  </context>
  <context>
    <name>TroupeTableModel</name>
    <message>
      <source>Arrival</source>
      <translation>도착</translation>
    </message>
    <message>
      <source>City</source>
      <translation>도시</translation>
    </message>
    <message>
      <source>City (Korean)</source>
      <translation>도시 (한국어)</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>연락처</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>국가</translation>
    </message>
    <message>
      <source>Departure</source>
      <translation>출발</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>이메일</translation>
    </message>
    <message>
      <source>Genre</source>
      <translation>장르</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>비고</translation>
    </message>
    <message>
      <source>Performers</source>
      <translation>출연</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>전화</translation>
    </message>
    <message>
      <source>Program items</source>
      <translation>프로그램 항목</translation>
    </message>
    <message>
      <source>Relation</source>
      <translation>관계</translation>
    </message>
    <message>
      <source>Troupe</source>
      <translation>공연단</translation>
    </message>
    <message>
      <source>Troupe (Korean)</source>
      <translation>공연단 (한국어)</translation>
    </message>
  </context>
  <context>
    <name>UndoFailure</name>
    <message>
      <source>Festival file</source>
      <translation>축제 파일</translation>
    </message>
    <message>
      <source>Nothing was lost: the file is as it was before this step. The undo history was cleared because it no longer matches the file.</source>
      <translation>잃은 것은 없습니다. 파일은 이 작업 전 상태 그대로입니다. 실행 취소 기록이 파일과 맞지 않게 되어 지웠습니다.</translation>
    </message>
  </context>
  <context>
    <name>UnscheduledTroupesList</name>
    <message>
      <source>Drag a troupe onto a venue's column to give it a time slot.</source>
      <translation>공연단을 장소 열로 끌어다 놓아 시간을 배정하십시오.</translation>
    </message>
    <message>
      <source>Every troupe has a confirmed item.</source>
      <translation>모든 공연단에 확정된 프로그램 항목이 있습니다.</translation>
    </message>
    <message>
      <source>{name} ({city})</source>
      <translation>{name} ({city})</translation>
    </message>
  </context>
  <context>
    <name>Validation</name>
    <message>
      <source>A booth area needs its number of booth spaces.</source>
      <translation>부스 구역에는 부스 자리 수가 있어야 합니다.</translation>
    </message>
    <message>
      <source>A booth can only be present on festival days.</source>
      <translation>부스는 축제일에만 참가할 수 있습니다.</translation>
    </message>
    <message>
      <source>A booth needs a country or an organization.</source>
      <translation>부스에는 국가나 기관이 있어야 합니다.</translation>
    </message>
    <message>
      <source>A release name cannot hold control characters.</source>
      <translation>발행판 이름에 제어 문자를 쓸 수 없습니다.</translation>
    </message>
    <message>
      <source>A release name has at most 40 characters.</source>
      <translation>발행판 이름은 40자까지입니다.</translation>
    </message>
    <message>
      <source>A row has 1 to {most} spaces.</source>
      <translation>한 줄의 자리는 1개에서 {most}개까지입니다.</translation>
    </message>
    <message>
      <source>A space needs a code, like M-01.</source>
      <translation>자리에는 M-01 같은 번호가 있어야 합니다.</translation>
    </message>
    <message>
      <source>A space's sides must be more than 0 and at most {most} m.</source>
      <translation>자리의 변은 0보다 크고 {most} m 이하여야 합니다.</translation>
    </message>
    <message>
      <source>A troupe named '{name}' from '{city}' already exists.</source>
      <translation>'{city}'의 '{name}' 공연단이 이미 있습니다.</translation>
    </message>
    <message>
      <source>Another venue is already called '{name}'.</source>
      <translation>'{name}'(이)라는 장소가 이미 있습니다.</translation>
    </message>
    <message>
      <source>Booth {code} would no longer fit; move it before changing the spaces.</source>
      <translation>부스 {code}이(가) 더 이상 들어가지 않습니다. 자리 수를 바꾸기 전에 부스를 옮기십시오.</translation>
    </message>
    <message>
      <source>Choose a booth area.</source>
      <translation>부스 구역을 고르십시오.</translation>
    </message>
    <message>
      <source>Choose a venue.</source>
      <translation>장소를 고르십시오.</translation>
    </message>
    <message>
      <source>Code '{code}' is not a space of {venue} ({first} to {last}, or a space drawn on its map).</source>
      <translation>부스 번호 '{code}'은(는) {venue}의 자리({first}~{last} 또는 배치도에 그린 자리)가 아닙니다.</translation>
    </message>
    <message>
      <source>Code prefix '{value}' must be 1 to 4 capital letters or digits, like M.</source>
      <translation>번호 접두어 '{value}'은(는) M처럼 영문 대문자나 숫자 1~4자여야 합니다.</translation>
    </message>
    <message>
      <source>Code prefix {prefix} is already used by {venue}.</source>
      <translation>번호 접두어 {prefix}은(는) 이미 {venue}에서 쓰고 있습니다.</translation>
    </message>
    <message>
      <source>Code {code} is already given to {other}.</source>
      <translation>부스 번호 {code}은(는) 이미 {other}에 배정되어 있습니다.</translation>
    </message>
    <message>
      <source>Country '{value}' is not an ISO 3166 country code.</source>
      <translation>국가 '{value}'은(는) ISO 3166 국가 코드가 아닙니다.</translation>
    </message>
    <message>
      <source>Departure ({departure}) is before arrival ({arrival}).</source>
      <translation>출발({departure})이 도착({arrival})보다 빠릅니다.</translation>
    </message>
    <message>
      <source>Email '{value}' is not a valid address (like name@example.org).</source>
      <translation>이메일 '{value}'은(는) 올바른 주소가 아닙니다(예: name@example.org).</translation>
    </message>
    <message>
      <source>Give both opening and closing time, or neither.</source>
      <translation>시작 시각과 종료 시각을 모두 입력하거나 모두 비워 두십시오.</translation>
    </message>
    <message>
      <source>No clash was chosen.</source>
      <translation>선택한 충돌이 없습니다.</translation>
    </message>
    <message>
      <source>Say why this clash is acceptable.</source>
      <translation>이 충돌을 인정하는 사유를 적으십시오.</translation>
    </message>
    <message>
      <source>Setup reaches before midnight.</source>
      <translation>준비 시간이 자정 이전으로 넘어갑니다.</translation>
    </message>
    <message>
      <source>Space code '{code}' must be like {example} in {venue}.</source>
      <translation>{venue}의 자리 번호 '{code}'은(는) {example} 같은 형식이어야 합니다.</translation>
    </message>
    <message>
      <source>Space codes must differ; {codes} is given twice.</source>
      <translation>자리 번호는 서로 달라야 합니다. {codes}이(가) 두 번 있습니다.</translation>
    </message>
    <message>
      <source>Space {code} is already drawn.</source>
      <translation>자리 {code}은(는) 이미 그려져 있습니다.</translation>
    </message>
    <message>
      <source>Space {code} is not in {venue}, where this booth is.</source>
      <translation>자리 {code}은(는) 이 부스가 속한 {venue}에 없습니다.</translation>
    </message>
    <message>
      <source>Teardown reaches past midnight.</source>
      <translation>철수 시간이 자정을 넘어갑니다.</translation>
    </message>
    <message>
      <source>The JPEG picture is damaged (no size found).</source>
      <translation>JPEG 그림이 손상되었습니다(크기 정보 없음).</translation>
    </message>
    <message>
      <source>The JPEG picture is damaged.</source>
      <translation>JPEG 그림이 손상되었습니다.</translation>
    </message>
    <message>
      <source>The PNG picture is damaged (no header).</source>
      <translation>PNG 그림이 손상되었습니다(헤더 없음).</translation>
    </message>
    <message>
      <source>The change breaks a rule of the festival file: {detail}</source>
      <translation>이 변경은 축제 파일의 규칙에 어긋납니다: {detail}</translation>
    </message>
    <message>
      <source>The day is not a festival day.</source>
      <translation>축제일이 아닙니다.</translation>
    </message>
    <message>
      <source>The festival needs a name in English or Korean.</source>
      <translation>축제에는 영어나 한국어 이름이 있어야 합니다.</translation>
    </message>
    <message>
      <source>The item needs a title in English or Korean.</source>
      <translation>프로그램 항목에는 영어나 한국어 제목이 있어야 합니다.</translation>
    </message>
    <message>
      <source>The notices' language must be ko, en or empty (both).</source>
      <translation>안내문 언어는 ko, en 또는 빈칸(둘 다)이어야 합니다.</translation>
    </message>
    <message>
      <source>The picture cannot be read: {detail}</source>
      <translation>그림을 읽을 수 없습니다: {detail}</translation>
    </message>
    <message>
      <source>The picture file is empty.</source>
      <translation>그림 파일이 비어 있습니다.</translation>
    </message>
    <message>
      <source>The picture has no pixels.</source>
      <translation>그림에 픽셀이 없습니다.</translation>
    </message>
    <message>
      <source>The picture is {size} MB; at most {most} MB fit in the festival file.</source>
      <translation>그림이 {size} MB입니다. 축제 파일에는 {most} MB까지 넣을 수 있습니다.</translation>
    </message>
    <message>
      <source>The picture is {width} x {height} pixels; at most {most} x {most} (and {megapixels} million pixels) can be used. Make it smaller first.</source>
      <translation>그림이 {width} x {height} 픽셀입니다. {most} x {most} 픽셀(모두 {megapixels}백만 픽셀)까지 쓸 수 있습니다. 먼저 크기를 줄이십시오.</translation>
    </message>
    <message>
      <source>The picture's format is unknown.</source>
      <translation>그림 형식을 알 수 없습니다.</translation>
    </message>
    <message>
      <source>The picture's header does not match its content.</source>
      <translation>그림의 헤더가 내용과 맞지 않습니다.</translation>
    </message>
    <message>
      <source>The release needs a name, such as v1.</source>
      <translation>발행판에 v1 같은 이름이 필요합니다.</translation>
    </message>
    <message>
      <source>The rotation must be a number.</source>
      <translation>회전은 숫자여야 합니다.</translation>
    </message>
    <message>
      <source>The scale needs a distance in metres.</source>
      <translation>축척에는 미터 단위 거리가 필요합니다.</translation>
    </message>
    <message>
      <source>The space lies off the map (more than {most} m away).</source>
      <translation>자리가 배치도 밖에 있습니다({most} m 넘게 떨어짐).</translation>
    </message>
    <message>
      <source>The troupe does not exist.</source>
      <translation>없는 공연단입니다.</translation>
    </message>
    <message>
      <source>The two points of the scale must be apart on the picture.</source>
      <translation>축척의 두 점은 그림에서 떨어져 있어야 합니다.</translation>
    </message>
    <message>
      <source>The venue needs a name in English or Korean.</source>
      <translation>장소에는 영어나 한국어 이름이 있어야 합니다.</translation>
    </message>
    <message>
      <source>There is a release of this name already.</source>
      <translation>이 이름의 발행판이 이미 있습니다.</translation>
    </message>
    <message>
      <source>This booth area has a map already.</source>
      <translation>이 부스 구역에는 이미 배치도가 있습니다.</translation>
    </message>
    <message>
      <source>This file is not a PNG or JPEG picture.</source>
      <translation>이 파일은 PNG나 JPEG 그림이 아닙니다.</translation>
    </message>
    <message>
      <source>{count} booths are in this venue, so it must stay a booth area.</source>
      <translation>이 장소에 부스가 {count}개 있으므로 부스 구역으로 유지해야 합니다.</translation>
    </message>
    <message>
      <source>{date} is already a festival day.</source>
      <translation>{date}은(는) 이미 축제일입니다.</translation>
    </message>
    <message>
      <source>{end_label} ({end}) must be after {start_label} ({start}).</source>
      <translation>{end_label}({end})은(는) {start_label}({start}) 이후여야 합니다.</translation>
    </message>
    <message>
      <source>{label} cannot be negative.</source>
      <translation>{label}은(는) 음수일 수 없습니다.</translation>
    </message>
    <message>
      <source>{label} is implausibly large.</source>
      <translation>{label} 값이 지나치게 큽니다.</translation>
    </message>
    <message>
      <source>{label} is required.</source>
      <translation>{label}은(는) 필수입니다.</translation>
    </message>
    <message>
      <source>{label} is too long ({length} characters; at most {limit}).</source>
      <translation>{label}이(가) 너무 깁니다({length}자, 최대 {limit}자).</translation>
    </message>
    <message>
      <source>{label} {time} is not on a 5-minute step (like 12:05 or 12:10).</source>
      <translation>{label} {time}이(가) 5분 단위가 아닙니다(예: 12:05, 12:10).</translation>
    </message>
    <message>
      <source>{venue} is not a booth area.</source>
      <translation>{venue}은(는) 부스 구역이 아닙니다.</translation>
    </message>
  </context>
  <context>
    <name>VenueColumnsDialog</name>
    <message>
      <source>Columns shown on the timetable, left to right:</source>
      <translation>시간표에 표시할 열(왼쪽부터):</translation>
    </message>
    <message>
      <source>Move &amp;down</source>
      <translation>아래로(&amp;D)</translation>
    </message>
    <message>
      <source>Move &amp;up</source>
      <translation>위로(&amp;U)</translation>
    </message>
    <message>
      <source>Venue columns</source>
      <translation>장소 열</translation>
    </message>
  </context>
  <context>
    <name>VenueKind</name>
    <message>
      <source>Booth area</source>
      <translation>부스 구역</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>기타</translation>
    </message>
    <message>
      <source>Parade route</source>
      <translation>퍼레이드 경로</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>무대</translation>
    </message>
  </context>
  <context>
    <name>VenueTableModel</name>
    <message>
      <source>Booth spaces</source>
      <translation>부스 자리 수</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>수용 인원</translation>
    </message>
    <message>
      <source>Changeover (min)</source>
      <translation>전환 시간(분)</translation>
    </message>
    <message>
      <source>Code prefix</source>
      <translation>번호 접두어</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>운영 시간</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>종류</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>비고</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>장소</translation>
    </message>
    <message>
      <source>Venue (Korean)</source>
      <translation>장소 (한국어)</translation>
    </message>
    <message>
      <source>Zone</source>
      <translation>권역</translation>
    </message>
  </context>
  <context>
    <name>argparse</name>
    <message>
      <source>%(prog)s: error: %(message)s</source>
      <translation>%(prog)s: 오류: %(message)s</translation>
    </message>
    <message>
      <source>ambiguous option: %(option)s could match %(matches)s</source>
      <translation>옵션이 모호합니다: %(option)s은(는) %(matches)s 중 어느 것일 수도 있습니다</translation>
    </message>
    <message>
      <source>argument %(argument_name)s: %(message)s</source>
      <translation>%(argument_name)s 인자: %(message)s</translation>
    </message>
    <message>
      <source>expected one argument</source>
      <translation>값이 하나 필요합니다</translation>
    </message>
    <message>
      <source>ignored explicit argument %r</source>
      <translation>값을 받지 않는 옵션입니다(주어진 값: %r)</translation>
    </message>
    <message>
      <source>invalid choice: %(value)r (choose from %(choices)s)</source>
      <translation>잘못된 값입니다: %(value)r (다음 중에서 고르십시오: %(choices)s)</translation>
    </message>
    <message>
      <source>not allowed with argument %s</source>
      <translation>%s 인자와 함께 쓸 수 없습니다</translation>
    </message>
    <message>
      <source>one of the arguments %s is required</source>
      <translation>%s 인자 중 하나가 필요합니다</translation>
    </message>
    <message>
      <source>options</source>
      <translation>옵션</translation>
    </message>
    <message>
      <source>positional arguments</source>
      <translation>위치 인자</translation>
    </message>
    <message>
      <source>show program's version number and exit</source>
      <translation>프로그램 버전을 보여 주고 종료합니다</translation>
    </message>
    <message>
      <source>show this help message and exit</source>
      <translation>이 도움말을 보여 주고 종료합니다</translation>
    </message>
    <message>
      <source>the following arguments are required: %s</source>
      <translation>다음 인자가 필요합니다: %s</translation>
    </message>
    <message>
      <source>unrecognized arguments: %s</source>
      <translation>알 수 없는 인자입니다: %s</translation>
    </message>
    <message>
      <source>usage: </source>
      <translation>사용법: </translation>
    </message>
  </context>
</TS>